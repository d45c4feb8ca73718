package io.github.togglapi.client.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What users and Maven Central see of the project: metadata, packaging and reproducibility settings. */
class PomTest {
  @Test
  void thePomDescribesTheProject() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
    Element project = pom.getDocumentElement();
    assertEquals("io.github.togglapi", text(project, "groupId"));
    assertEquals("toggl-api-java", text(project, "artifactId"));
    assertFalse(text(project, "description").isEmpty());
    assertEquals("Apache License, Version 2.0", text(project, "licenses", "license", "name"));
    assertTrue(text(project, "scm", "url").startsWith("https://github.com/"));
    assertFalse(text(project, "developers", "developer", "name").isEmpty());
    assertTrue(text(project, "properties", "project.build.outputTimestamp").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
        "reproducible jars need a fixed timestamp");
    assertEquals("8", text(project, "properties", "maven.compiler.release"));
    String build = new String(java.nio.file.Files.readAllBytes(new File("pom.xml").toPath()),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(build.contains("<Automatic-Module-Name>io.github.togglapi.client</Automatic-Module-Name>"));
    assertTrue(build.contains("<goal>jar-no-fork</goal>") && build.contains("<doclint>all</doclint>"),
        "sources and Javadoc jars, with doclint");
    // What the test-sources jar holds is checked on the installed jar by src/it/test-jar-consumer/postbuild.groovy.
    assertTrue(build.contains("<goal>test-jar-no-fork</goal>"), "the embedded server's sources, beside its test-jar");
  }

  private static String text(Element parent, String... path) {
    Element at = parent;
    for (String name : path) {
      Element next = null;
      for (org.w3c.dom.Node child = at.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element && child.getNodeName().equals(name)) {
          next = (Element) child;
          break;
        }
      }
      if (next == null) {
        throw new AssertionError("pom.xml has no " + String.join("/", path));
      }
      at = next;
    }
    return at.getTextContent().trim();
  }
}
