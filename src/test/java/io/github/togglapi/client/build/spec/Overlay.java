package io.github.togglapi.client.build.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * One OpenAPI Overlay 1.0 document, applied to a Jackson tree as the specification says: actions in
 * order, each on the result of the previous one; {@code update} merged recursively into each selected
 * object (primitives replaced, arrays appended to) or appended to each selected array as one entry;
 * {@code remove: true} takes each selected node out of its parent.
 *
 * <p>Stricter than the specification, so that a correction cannot rot silently: every action needs a
 * {@code description} (its reason), and an action whose target selects nothing, or selects a
 * primitive or null, fails the build. Targets are evaluated by Jayway JsonPath, which is not RFC
 * 9535: filters are written {@code [?(@.x=='y')]} and are only used on arrays (on an object Jayway
 * tests the object itself, RFC 9535 its members).
 */
final class Overlay {
  private static final Set<String> ACTION_FIELDS = new LinkedHashSet<>(Arrays.asList("target", "description", "update", "remove"));
  private static final Configuration PATHS = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(new ObjectMapper()))
      .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
      .options(EnumSet.of(Option.AS_PATH_LIST))
      .build();

  private final String name;
  private final JsonNode document;

  private Overlay(String name, JsonNode document) {
    this.name = name;
    this.document = document;
    check();
  }

  /**
   * Reads and checks an Overlay document.
   *
   * @return the overlay in {@code file}
   */
  static Overlay read(Path file, String name) throws IOException {
    return new Overlay(name, SpecPipeline.YAML.readTree(file.toFile()));
  }

  String name() {
    return name;
  }

  /**
   * Returns the actions, in order.
   *
   * @return the actions, in order
   */
  List<JsonNode> actions() {
    List<JsonNode> actions = new ArrayList<>();
    document.get("actions").forEach(actions::add);
    return actions;
  }

  /**
   * Applies every action to {@code target}, in place.
   *
   * @return how many nodes each action changed, in order
   * @throws IllegalStateException if an action selects nothing, or a primitive or null
   */
  int[] applyTo(JsonNode target) {
    List<JsonNode> actions = actions();
    int[] counts = new int[actions.size()];
    for (int i = 0; i < actions.size(); i++) {
      JsonNode action = actions.get(i);
      String path = action.get("target").asText();
      List<String> selected = select(target, path);
      if (selected.isEmpty()) {
        throw new IllegalStateException(where(i, path) + " selects nothing: the upstream document changed, or the"
            + " correction is wrong (" + action.get("description").asText().trim() + ")");
      }
      boolean remove = action.path("remove").asBoolean(false);
      List<Location> locations = new ArrayList<>();
      for (String normalized : selected) {
        Location location = Location.resolve(target, normalized);
        if (!location.node().isContainerNode()) {
          throw new IllegalStateException(where(i, path) + " selects " + normalized + ", which is "
              + location.node().getNodeType() + "; an Overlay target must be an object or an array");
        }
        locations.add(location);
      }
      if (remove) {
        removeAll(locations);
      } else {
        for (Location location : locations) {
          update(location.node(), action.get("update"), where(i, path));
        }
      }
      counts[i] = locations.size();
    }
    return counts;
  }

  private String where(int index, String path) {
    return name + " action " + (index + 1) + " (" + path + ")";
  }

  private void check() {
    String version = document.path("overlay").asText("");
    require(version.startsWith("1.0."), "is not an Overlay 1.0 document (overlay: " + version + ")");
    require(document.path("info").path("title").isTextual() && document.path("info").path("version").isTextual(),
        "needs info.title and info.version");
    require(document.path("actions").isArray() && document.path("actions").size() > 0, "needs at least one action");
    int index = 0;
    for (JsonNode action : document.get("actions")) {
      index++;
      String at = "action " + index;
      require(action.path("target").isTextual(), at + " needs a target");
      require(action.path("description").isTextual() && !action.path("description").asText().trim().isEmpty(),
          at + " (" + action.path("target").asText() + ") needs a description that gives its reason");
      boolean remove = action.path("remove").asBoolean(false);
      require(remove != action.has("update"), at + " (" + action.get("target").asText() + ") needs either update or remove: true");
      for (Iterator<String> fields = action.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        require(ACTION_FIELDS.contains(field) || field.startsWith("x-"), at + " has an unknown field " + field);
      }
    }
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(name + " " + message);
    }
  }

  /** The normalized paths of the nodes {@code path} selects in the current document, each once. */
  private static List<String> select(JsonNode target, String path) {
    JsonNode found;
    try {
      found = JsonPath.using(PATHS).parse(target).read(path);
    } catch (PathNotFoundException e) {
      return new ArrayList<>();
    }
    Set<String> paths = new LinkedHashSet<>();
    for (JsonNode normalized : found) {
      expand(normalized.asText(), target, paths);
    }
    return new ArrayList<>(paths);
  }

  /**
   * Jayway writes a selection of several names as one path ({@code $['a']['x', 'y']}), present or not;
   * this adds one path per name that exists.
   */
  private static void expand(String normalized, JsonNode target, Set<String> paths) {
    int union = normalized.indexOf("', '");
    if (union < 0) {
      if (Location.exists(target, normalized)) {
        paths.add(normalized);
      }
      return;
    }
    int open = normalized.lastIndexOf("['", union);
    int close = normalized.indexOf("']", union);
    String prefix = normalized.substring(0, open);
    String suffix = normalized.substring(close + 2);
    for (String name : normalized.substring(open + 2, close).split("', '", -1)) {
      expand(prefix + "['" + name + "']" + suffix, target, paths);
    }
  }

  private static void update(JsonNode node, JsonNode update, String where) {
    if (node.isArray()) {
      ((ArrayNode) node).add(update.deepCopy());
    } else if (update.isObject()) {
      merge((ObjectNode) node, (ObjectNode) update);
    } else {
      throw new IllegalStateException(where + " selects an object, so its update must be an object");
    }
  }

  /** Overlay 1.0's merge: objects recursively, arrays appended to, anything else replaced. */
  static void merge(ObjectNode target, ObjectNode update) {
    for (Map.Entry<String, JsonNode> field : update.properties()) {
      JsonNode existing = target.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) field.getValue());
      } else if (existing != null && existing.isArray() && field.getValue().isArray()) {
        for (JsonNode item : field.getValue()) {
          ((ArrayNode) existing).add(item.deepCopy());
        }
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  /** Object members first; array items by descending index, so that earlier indexes stay right. */
  private static void removeAll(List<Location> locations) {
    IdentityHashMap<ArrayNode, List<Integer>> items = new IdentityHashMap<>();
    for (Location location : locations) {
      if (location.parent() == null) {
        throw new IllegalStateException("an Overlay action cannot remove the whole document");
      } else if (location.parent().isObject()) {
        ((ObjectNode) location.parent()).remove(location.key());
      } else {
        items.computeIfAbsent((ArrayNode) location.parent(), k -> new ArrayList<>()).add(location.index());
      }
    }
    items.forEach((array, indexes) -> {
      indexes.sort(Collections.reverseOrder());
      indexes.forEach(array::remove);
    });
  }

  /** A node found by a normalized path such as {@code $['paths']['/me']['get']} or {@code $['tags'][0]}. */
  private static final class Location {
    private final JsonNode parent;
    private final String key;
    private final int index;
    private final JsonNode node;

    private Location(JsonNode parent, String key, int index, JsonNode node) {
      this.parent = parent;
      this.key = key;
      this.index = index;
      this.node = node;
    }

    JsonNode parent() {
      return parent;
    }

    String key() {
      return key;
    }

    int index() {
      return index;
    }

    JsonNode node() {
      return node;
    }

    static boolean exists(JsonNode root, String normalized) {
      try {
        resolve(root, normalized);
        return true;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    static Location resolve(JsonNode root, String normalized) {
      if (!normalized.startsWith("$")) {
        throw new IllegalStateException("not a normalized path: " + normalized);
      }
      JsonNode parent = null;
      JsonNode node = root;
      String key = null;
      int index = -1;
      int at = 1;
      while (at < normalized.length()) {
        if (normalized.charAt(at) != '[') {
          throw new IllegalStateException("not a normalized path: " + normalized);
        }
        parent = node;
        if (normalized.charAt(at + 1) == '\'') {
          StringBuilder name = new StringBuilder();
          int i = at + 2;
          while (normalized.charAt(i) != '\'') {
            char c = normalized.charAt(i);
            if (c == '\\') {
              i++;
              c = normalized.charAt(i);
            }
            name.append(c);
            i++;
          }
          key = name.toString();
          index = -1;
          node = node.isObject() ? node.get(key) : null;
          at = i + 2;
        } else {
          int end = normalized.indexOf(']', at);
          index = Integer.parseInt(normalized.substring(at + 1, end));
          key = null;
          node = node.isArray() ? node.get(index) : null;
          at = end + 1;
        }
        if (node == null) {
          throw new IllegalStateException("nothing at " + normalized);
        }
      }
      return new Location(parent, key, index, node);
    }
  }
}
