package io.github.togglapi.client.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every class we ship is Java 8 bytecode (major version 52), so Android and Java 8 servers can load
 * it. The compiler's {@code --release 8} (maven.compiler.release) is what keeps the API to Java 8;
 * this checks the result, for the library and for the embedded server in the test-jar.
 */
class BytecodeTest {
  private static final int JAVA_8 = 52;

  @Test
  void theLibraryIsJava8Bytecode() throws IOException {
    assertAllJava8(classes(Paths.get("target/classes")), 30);
  }

  @Test
  void theEmbeddedServerIsJava8Bytecode() throws IOException {
    assertAllJava8(classes(Paths.get("target/test-classes/io/github/togglapi/client/testing")), 5);
  }

  private static void assertAllJava8(List<Path> classes, int atLeast) throws IOException {
    assertTrue(classes.size() >= atLeast, "found only " + classes);
    List<String> wrong = new ArrayList<>();
    for (Path file : classes) {
      int major = majorVersion(file);
      if (major != JAVA_8) {
        wrong.add(file + " is version " + major);
      }
    }
    assertEquals(new ArrayList<String>(), wrong);
  }

  private static List<Path> classes(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
    }
  }

  private static int majorVersion(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
      assertEquals(0xCAFEBABE, data.readInt(), file.toString());
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
