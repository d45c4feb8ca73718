package io.github.togglapi.client.model;

import java.io.IOException;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * A class in the models' package whose adapter has no generated name ({@code $GsonAdapterFactory}):
 * the SDK's JSON must fall back to the one its annotation names.
 */
@JsonAdapter(AnnotatedOnlyModel.Adapter.class)
final class AnnotatedOnlyModel {
  final String value;

  AnnotatedOnlyModel(String value) {
    this.value = value;
  }

  /** Reads any value as the marker {@code annotated}. */
  static final class Adapter extends TypeAdapter<AnnotatedOnlyModel> {
    @Override
    public void write(JsonWriter out, AnnotatedOnlyModel value) throws IOException {
      out.value(value.value);
    }

    @Override
    public AnnotatedOnlyModel read(JsonReader in) throws IOException {
      in.skipValue();
      return new AnnotatedOnlyModel("annotated");
    }
  }
}
