package dev.fulmar.control.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.fulmar.control.message.ErrorCode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns what Jackson throws while binding a message into a {@link DecodeException} whose text
 * names the field and the problem but never the value.
 */
final class BindingErrors {
  private BindingErrors() {}

  static DecodeException translate(String type, Long id, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ControlJsonModule.InvalidProfileException ip) {
        return new DecodeException(ErrorCode.INVALID_PROFILE, id,
            type + ": the profile has errors", ip.problems());
      }
    }
    String where = e instanceof JsonMappingException jme ? path(jme) : "";
    String prefix = type + (where.isEmpty() ? "" : " field '" + where + "'") + ": ";
    if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
      return new DecodeException(ErrorCode.INVALID_REQUEST, id,
          ownMessage(vie.getCause(), prefix + "invalid value"));
    }
    if (e instanceof InvalidFormatException ife && ife.getTargetType() != null
        && ife.getTargetType().isEnum()) {
      String allowed = Arrays.stream(ife.getTargetType().getEnumConstants())
          .map(Object::toString).collect(Collectors.joining(", "));
      return new DecodeException(ErrorCode.INVALID_REQUEST, id,
          prefix + "unknown value; expected one of " + allowed);
    }
    if (e instanceof MismatchedInputException mie) {
      String expected = mie.getTargetType() == null ? "another type"
          : mie.getTargetType().getSimpleName();
      return new DecodeException(ErrorCode.INVALID_REQUEST, id,
          prefix + "wrong type (expected " + expected + ")");
    }
    if (e instanceof JsonProcessingException jpe && !(e instanceof JsonMappingException)) {
      return new DecodeException(ErrorCode.MALFORMED, id, "not valid JSON: " + describe(jpe));
    }
    if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
      return new DecodeException(ErrorCode.INVALID_REQUEST, id, ownMessage(e, prefix
          + "invalid value"));
    }
    return new DecodeException(ErrorCode.INVALID_REQUEST, id, prefix + "invalid message");
  }

  /** Our own validation messages (from record constructors) never quote values. */
  private static String ownMessage(Throwable t, String fallback) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return fallback;
    }
    if (t instanceof NullPointerException) {
      return "missing field '" + m + "'";
    }
    return m;
  }

  /** Field path like {@code credentials.eapPassword} or {@code topics[1]}. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(MessageCodec.printable(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** A short description of a syntax error with its column, without the source text. */
  static String describe(com.fasterxml.jackson.core.JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "too deeply nested or too long a value";
    }
    String m = e.getOriginalMessage();
    if (m == null) {
      m = "syntax error";
    }
    int cut = m.indexOf('\n');
    m = cut >= 0 ? m.substring(0, cut) : m;
    // Jackson quotes the offending token; keep only its description
    m = m.replaceAll("'[^']{0,200}'", "a token").replaceAll("\\(code \\d+\\)", "");
    if (m.length() > 120) {
      m = m.substring(0, 120) + "...";
    }
    var loc = e.getLocation();
    return loc == null ? m : m + " at column " + loc.getColumnNr();
  }
}
