package io.github.togglapi.client.build;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Scanner;

import com.google.gson.annotations.SerializedName;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Android apps shrink with R8, which would strip the fields Gson reads by reflection. The jar ships
 * consumer rules that keep them; this checks the rules are where R8 looks and cover every model,
 * and that every model is what the rules assume (a no-argument constructor, named fields).
 */
class AndroidRulesTest {
  private static final String RULES = "META-INF/proguard/toggl-api-java.pro";

  @Test
  void consumerRulesKeepEveryModel() throws IOException {
    String rules;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RULES)) {
      assertNotNull(in, RULES + " is not in the jar");
      rules = new Scanner(in, StandardCharsets.UTF_8.name()).useDelimiter("\\A").next();
    }
    assertTrue(rules.contains("-keep class io.github.togglapi.client.model.** {"), rules);
    assertTrue(rules.contains("<fields>;") && rules.contains("<init>();"), rules);

    int models = 0;
    for (JavaClass model : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.togglapi.client.model")) {
      if (model.getEnclosingClass().isPresent()) {
        continue; // the generated Gson adapters, kept with their model
      }
      Class<?> type = model.reflect();
      assertNotNull(type.getAnnotation(com.google.gson.annotations.JsonAdapter.class),
          type + " has no generated @JsonAdapter, so Gson would fall back to reflection");
      try {
        assertNotNull(type.getConstructor());
      } catch (NoSuchMethodException e) {
        throw new AssertionError(type + " has no public no-argument constructor for Gson", e);
      }
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          assertNotNull(field.getAnnotation(SerializedName.class), field + " has no @SerializedName");
        }
      }
      models++;
    }
    assertTrue(models >= 11, "found " + models + " models");
  }
}
