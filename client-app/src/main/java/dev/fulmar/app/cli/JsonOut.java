package dev.fulmar.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json} output: one JSON object (one per line for {@code --watch}/{@code --follow}). */
final class JsonOut {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private JsonOut() {}

  static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  /** An object from alternating names and values. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /** The error object printed with {@code --json} when a command fails. */
  static String error(CliException e) {
    return of(object("ok", false, "error", object("code", e.code(), "exitCode", e.exitCode(),
        "message", e.getMessage())));
  }
}
