package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A program that calls one operation of 325 pays for that operation's API class and answer model
 * only: in a class loader of its own, a {@code getMe} loads {@code MeApi} and the user model, not
 * the other 34 API classes, and not the models the user nests (projects, workspaces, time
 * entries) when the answer has none of them.
 */
class LazyLoadingTest {
  private static final String[] GENERATED = {"api", "model"};

  @Test
  void oneGetMeLoadsItsApiAndItsAnswerOnly() throws Exception {
    try (MockWebServer server = new MockWebServer(); Isolated loader = new Isolated()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"id\":3730303299,\"email\":\"ada@example.com\",\"at\":\"2024-12-15T20:17:59+00:00\"}"));
      server.start();
      // Called as a user would, not by reflection (which would load every type MeApi's methods name).
      @SuppressWarnings("unchecked")
      java.util.function.Function<String, Object> program = (java.util.function.Function<String, Object>)
          loader.loadClass(OneGetMe.class.getName()).getConstructor().newInstance();
      assertEquals(3730303299L, program.apply(server.url("/api/v9").toString()));

      assertEquals(new TreeSet<>(java.util.Arrays.asList("api.MeApi", "model.RelatedUserWithRelated",
          "model.RelatedUserWithRelated$Adapter", "model.RelatedUserWithRelated$GsonAdapterFactory")),
          loader.loadedGenerated());
    }
  }

  /** A program that makes one getMe and returns the user's ID. */
  public static final class OneGetMe implements java.util.function.Function<String, Object> {
    @Override
    public Object apply(String basePath) {
      try {
        return new io.github.togglapi.client.api.MeApi(new ApiClient().setBasePath(basePath)
            .setApiToken("tok-lazy-loading-0123456789")).getMe(null).getId();
      } catch (ApiException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Loads the test class path afresh, and says which generated classes it has loaded. */
  private static final class Isolated extends URLClassLoader {
    Isolated() throws Exception {
      super(classPath(), ClassLoader.getSystemClassLoader().getParent());
    }

    private static URL[] classPath() throws Exception {
      List<URL> urls = new ArrayList<>();
      java.util.StringTokenizer entries = new java.util.StringTokenizer(System.getProperty("java.class.path"), File.pathSeparator);
      while (entries.hasMoreTokens()) {
        urls.add(new File(entries.nextToken()).toURI().toURL());
      }
      return urls.toArray(new URL[0]);
    }

    java.util.Set<String> loadedGenerated() throws Exception {
      java.util.Set<String> loaded = new TreeSet<>();
      for (String folder : GENERATED) {
        Path classes = Paths.get("target/classes/io/github/togglapi/client", folder);
        List<Path> files;
        try (Stream<Path> walk = Files.list(classes)) {
          files = walk.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path file : files) {
          String simple = file.getFileName().toString().replace(".class", "");
          if (findLoadedClass("io.github.togglapi.client." + folder + "." + simple) != null) {
            loaded.add(folder + "." + simple);
          }
        }
      }
      return loaded;
    }
  }
}
