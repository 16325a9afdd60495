package dev.fulmar.control.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fulmar.control.Limits;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Message;
import dev.fulmar.control.message.MessageTypes;
import dev.fulmar.control.message.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Newline-delimited JSON: one {@link Frame} per line, a JSON object whose {@code type} names the
 * message and whose {@code id} (when present) is the request id; the message's own fields follow.
 *
 * <pre>{"type":"connect","id":7,"profileName":"Office","credentials":{...}}</pre>
 *
 * <p>Decoding never throws anything but {@link DecodeException}: syntax errors, unknown types,
 * missing or mistyped fields, too deep nesting, invalid profiles all become one, with the error
 * code the helper answers with. Unknown fields are ignored (newer peers may add optional ones).
 * Thread-safe.
 */
public final class MessageCodec {
  private final int maxLineBytes;
  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  /** A codec reading lines up to {@code maxLineBytes} (without the newline). */
  public MessageCodec(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
        .maxStringLength(Math.max(maxLineBytes, 1024))
        .maxNumberLength(64)
        .maxNameLength(256)
        .build();
    JsonFactory jf = JsonFactory.builder()
        .streamReadConstraints(limits)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    ObjectMapper treeMapper = JsonMapper.builder(jf).build();
    this.mapper = JsonMapper.builder(jf)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .addModule(new ControlJsonModule(treeMapper))
        .build();
    this.factory = mapper.getFactory();
  }

  /** The codec the helper uses on requests. */
  public static MessageCodec forHelper() {
    return new MessageCodec(Limits.MAX_REQUEST_LINE_BYTES);
  }

  /** The codec a client uses on what the helper sends. */
  public static MessageCodec forClient() {
    return new MessageCodec(Limits.MAX_REPLY_LINE_BYTES);
  }

  /** The longest line this codec decodes. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /**
   * The frame as one line of UTF-8 ending in {@code \n}. The caller wipes the array after sending
   * when the message holds secrets.
   */
  public byte[] encode(Frame frame) {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(frame.message());
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + frame.message().getClass(), e);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 48);
      out.writeBytes(("{\"type\":\"" + MessageTypes.nameOf(frame.message().getClass()) + "\"")
          .getBytes(StandardCharsets.UTF_8));
      if (frame.id() != null) {
        out.writeBytes((",\"id\":" + frame.id()).getBytes(StandardCharsets.UTF_8));
      }
      if (body.length > 2) {
        out.write(',');
        out.write(body, 1, body.length - 1);
      } else {
        out.write('}');
      }
      out.write('\n');
      return out.toByteArray();
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** Decodes one line (without its newline). */
  public Frame decode(byte[] line) throws DecodeException {
    return decode(line, 0, line.length);
  }

  /** Decodes {@code line[off, off+len)}. */
  public Frame decode(byte[] line, int off, int len) throws DecodeException {
    if (len > maxLineBytes) {
      throw new DecodeException(ErrorCode.LINE_TOO_LONG, null,
          "the line is " + len + " bytes; the limit is " + maxLineBytes);
    }
    Envelope env = EnvelopeScanner.scan(factory, line, off, len);
    Class<? extends Message> type = MessageTypes.byName(env.type()).orElseThrow(() ->
        new DecodeException(ErrorCode.UNKNOWN_TYPE, env.id(),
            "unknown message type '" + printable(env.type()) + "'"));
    if (Request.class.isAssignableFrom(type) && env.id() == null) {
      throw new DecodeException(ErrorCode.INVALID_REQUEST, null,
          "'" + env.type() + "' is a request and needs a numeric \"id\"");
    }
    Message message = bind(type, env, line, off, len);
    try {
      return new Frame(env.id(), message);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(ErrorCode.INVALID_REQUEST, env.id(), e.getMessage());
    }
  }

  private Message bind(Class<? extends Message> type, Envelope env, byte[] line, int off, int len)
      throws DecodeException {
    ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
    try {
      return reader.readValue(line, off, len);
    } catch (JacksonException | RuntimeException e) {
      throw BindingErrors.translate(env.type(), env.id(), e);
    } catch (IOException e) {
      throw new DecodeException(ErrorCode.MALFORMED, env.id(), "unreadable line");
    }
  }

  /** A type name safe to echo: at most 40 printable ASCII characters. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 40; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return s.length() > 40 ? b + "..." : b.toString();
  }

  record Envelope(String type, Long id) {}

  /** First pass: checks the syntax and finds {@code type} and {@code id} at the top level. */
  static final class EnvelopeScanner {
    private EnvelopeScanner() {}

    static Envelope scan(JsonFactory f, byte[] line, int off, int len) throws DecodeException {
      String type = null;
      Long id = null;
      try (JsonParser p = f.createParser(line, off, len)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new DecodeException(ErrorCode.MALFORMED, null, "a message must be a JSON object");
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if ("type".equals(field)) {
            if (value != JsonToken.VALUE_STRING) {
              throw new DecodeException(ErrorCode.MALFORMED, id, "\"type\" must be a string");
            }
            type = p.getText();
          } else if ("id".equals(field)) {
            id = readId(p, value);
          } else {
            p.skipChildren();
          }
        }
        if (p.nextToken() != null) {
          throw new DecodeException(ErrorCode.MALFORMED, id, "text after the JSON object");
        }
      } catch (JacksonException e) {
        throw new DecodeException(ErrorCode.MALFORMED, id, "not valid JSON: "
            + BindingErrors.describe(e));
      } catch (IOException e) {
        throw new DecodeException(ErrorCode.MALFORMED, id, "unreadable line");
      }
      if (type == null) {
        throw new DecodeException(ErrorCode.MALFORMED, id, "the message has no \"type\"");
      }
      return new Envelope(type, id);
    }

    private static Long readId(JsonParser p, JsonToken value) throws IOException,
        DecodeException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value != JsonToken.VALUE_NUMBER_INT
          || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new DecodeException(ErrorCode.INVALID_REQUEST, null,
            "\"id\" must be an integer from 0 to " + Frame.MAX_ID);
      }
      long id = p.getLongValue();
      if (id < 0 || id > Frame.MAX_ID) {
        throw new DecodeException(ErrorCode.INVALID_REQUEST, null,
            "\"id\" must be an integer from 0 to " + Frame.MAX_ID);
      }
      return id;
    }
  }
}
