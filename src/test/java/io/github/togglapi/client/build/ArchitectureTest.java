package io.github.togglapi.client.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the library, as rules that fail the build when broken. */
class ArchitectureTest {
  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.github.togglapi.client");

  /** Models are plain data: usable without the HTTP stack (and by users' own code). */
  @Test
  void modelsNeverDependOnOkHttp() {
    noClasses().that().resideInAPackage("io.github.togglapi.client.model..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
        .check(LIBRARY);
  }

  /** The runtime knows nothing of the operations or models generated from the spec. */
  @Test
  void theRuntimeNeverDependsOnGeneratedCode() {
    noClasses().that().resideInAnyPackage("io.github.togglapi.client", "io.github.togglapi.client.auth")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.togglapi.client.api..",
            "io.github.togglapi.client.model..")
        .check(LIBRARY);
  }

  /** Credentials and cookies know nothing of the client that uses them. */
  @Test
  void authDependsOnNothingElseOfOurs() {
    noClasses().that().resideInAPackage("io.github.togglapi.client.auth")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.togglapi.client",
            "io.github.togglapi.client.api..", "io.github.togglapi.client.model..")
        .check(LIBRARY);
  }

  /** Nullness is stated everywhere: JSpecify's @NullMarked on each package or public class. */
  @Test
  void everyPublicTypeIsNullMarked() {
    java.util.List<String> unmarked = new java.util.ArrayList<>();
    for (com.tngtech.archunit.core.domain.JavaClass type : LIBRARY) {
      boolean marked = type.isAnnotatedWith(org.jspecify.annotations.NullMarked.class)
          || type.getPackage().isAnnotatedWith(org.jspecify.annotations.NullMarked.class)
          || (type.getEnclosingClass().isPresent()
              && type.getEnclosingClass().get().isAnnotatedWith(org.jspecify.annotations.NullMarked.class));
      if (type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC) && !marked) {
        unmarked.add(type.getName());
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(new java.util.ArrayList<String>(), unmarked);
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching("io.github.togglapi.(**)").should().beFreeOfCycles().check(LIBRARY);
  }
}
