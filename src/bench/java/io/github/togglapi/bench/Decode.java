package io.github.togglapi.bench;

import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import io.github.togglapi.bench.floor.FloorClient;
import io.github.togglapi.bench.floor.FloorUser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decoding the canned {@code ModelsTogglUser} answer (about 600 bytes) from a String: our
 * {@code JSON.deserialize}, plain Gson into the hand-written POJO, the stock client's
 * {@code JSON.deserialize}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class Decode {
  /** Which decoder. */
  @Param({"floor", "ours", "stock"})
  public String client;

  /** The body, in a field so that the JIT cannot fold it. */
  public String body = Canned.USER_JSON;

  private Decoder decoder;

  /** A decoder of one client. */
  interface Decoder {
    Object decode(String body);
  }

  /** Picks the decoder and checks what it decodes. */
  @Setup(Level.Trial)
  public void setUp() {
    decoder = decoder(client);
    Checks.user(client, decoder.decode(body));
  }

  /**
   * The decoder of a client: plain Gson into the hand-written POJO, our {@code JSON}, or the stock
   * client's {@code JSON}.
   */
  static Decoder decoder(String client) {
    switch (client) {
      case "floor":
        Gson gson = new FloorClient("http://127.0.0.1/api/v9", Canned.API_TOKEN).gson();
        return text -> gson.fromJson(text, FloorUser.class);
      case "ours":
        io.github.togglapi.client.JSON json = new io.github.togglapi.client.JSON();
        return text -> json.deserialize(text, io.github.togglapi.client.model.ModelsTogglUser.class);
      case "stock":
        return text -> stock.client.JSON.deserialize(text, stock.model.ModelsTogglUser.class);
      default:
        throw new IllegalArgumentException("No client " + client);
    }
  }

  /**
   * Decodes the user.
   *
   * @return the decoded user
   */
  @Benchmark
  public Object modelsTogglUser() {
    return decoder.decode(body);
  }
}
