package io.github.togglapi.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A loopback MockWebServer that answers the three measured operations with {@link Canned}
 * bodies. It runs in the JVM that drives the benchmarks, not in the measured one, so that the
 * server's allocations and CPU are never counted as a client's.
 */
public final class CannedServer implements AutoCloseable {
  /** Kept strongly reachable: java.util.logging holds loggers weakly, and the level would be lost. */
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server = new MockWebServer();
  private final Thread drain;

  /**
   * Starts the server on loopback.
   *
   * @throws IOException if it cannot listen
   */
  public CannedServer() throws IOException {
    // MockWebServer logs every request at INFO; that would be most of the server's work.
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
    server.setDispatcher(new CannedDispatcher());
    // MockWebServer writes an answer's head and body apart; with Nagle's algorithm on, the body
    // would wait for the client's delayed ACK (40 ms on Linux). Real servers turn it off too.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    // MockWebServer keeps every request it received for takeRequest(); millions of them would
    // fill the heap, so a daemon thread throws them away.
    drain = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          server.takeRequest(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "canned-server-drain");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Returns the base path to give the clients.
   *
   * @return the base path
   */
  public String basePath() {
    // The address, not "localhost": no name to resolve in the measured JVMs.
    return "http://127.0.0.1:" + server.getPort() + "/api/v9";
  }

  /**
   * Returns how many requests the server has answered.
   *
   * @return the request count
   */
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() throws IOException {
    drain.interrupt();
    server.shutdown();
  }

  /** Server sockets whose accepted connections have TCP_NODELAY set. */
  static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }

  /** A server socket whose accepted connections have TCP_NODELAY set. */
  static final class NoDelayServerSocket extends java.net.ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public java.net.Socket accept() throws IOException {
      java.net.Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** The Toggl API's answers, checking the credentials where the real service would. */
  static final class CannedDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      String method = request.getMethod();
      if ("POST".equals(method) && "/api/v9/signup".equals(path)) {
        return json(Canned.USER_JSON);
      }
      boolean authenticated = request.getHeader("Authorization") != null;
      if ("GET".equals(method) && ("/api/v9/workspaces/" + Canned.WORKSPACE_ID + "/sso").equals(path)) {
        return authenticated ? json(Canned.SSO_JSON) : unauthorized();
      }
      if ("GET".equals(method) && "/api/v9/me".equals(path)) {
        return authenticated ? json(Canned.USER_JSON) : unauthorized();
      }
      if ("POST".equals(method) && "/api/v9/me/reset_token".equals(path)) {
        return authenticated ? json(Canned.TOKEN_JSON) : unauthorized();
      }
      return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json; charset=utf-8")
          .setBody("\"Not Found\"");
    }

    private static MockResponse json(String body) {
      return new MockResponse()
          .setHeader("Content-Type", "application/json; charset=utf-8")
          .setHeader("Date", "Thu, 21 Mar 2024 09:12:44 GMT")
          .setBody(body);
    }

    private static MockResponse unauthorized() {
      return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json; charset=utf-8")
          .setBody("\"Incorrect username and/or password\"");
    }
  }
}
