package dev.fulmar.control.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.fulmar.control.message.SecretText;
import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.codec.ReadResult;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.validate.Problem;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * How the two non-record types travel: a {@link Profile} as its {@code .vpn} JSON document
 * (through the profiles module's codec, so the helper validates every profile it receives), and a
 * {@link SecretText} as a JSON string written and read as characters.
 */
final class ControlJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  ControlJsonModule(ObjectMapper treeMapper) {
    super("fulmar-control");
    addSerializer(Profile.class, new ProfileSerializer(treeMapper));
    addDeserializer(Profile.class, new ProfileDeserializer());
    addSerializer(SecretText.class, new SecretSerializer());
    addDeserializer(SecretText.class, new SecretDeserializer());
  }

  /** A profile sent to the helper was not valid; carries its problems. */
  static final class InvalidProfileException extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidProfileException(JsonParser p, List<String> problems) {
      super(p, "the profile has errors: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  private static final class ProfileSerializer extends JsonSerializer<Profile> {
    private final ObjectMapper treeMapper;

    ProfileSerializer(ObjectMapper treeMapper) {
      this.treeMapper = treeMapper;
    }

    @Override
    public void serialize(Profile value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      // the .vpn writer pretty-prints; re-emit the tree so the line stays one line
      JsonNode tree = treeMapper.readTree(ProfileCodec.write(value));
      gen.writeTree(tree);
    }
  }

  private static final class ProfileDeserializer extends JsonDeserializer<Profile> {
    @Override
    public Profile deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new InvalidProfileException(p, List.of("the profile must be a JSON object (a .vpn "
            + "document)"));
      }
      JsonNode tree = p.readValueAsTree();
      ReadResult result = ProfileCodec.read(tree.toString());
      result.secrets().close(); // secrets travel in credentials only, never inside a profile
      if (!result.ok()) {
        throw new InvalidProfileException(p,
            result.errors().stream().map(Problem::toString).toList());
      }
      return result.profile();
    }
  }

  private static final class SecretSerializer extends JsonSerializer<SecretText> {
    @Override
    public void serialize(SecretText value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      value.writeTo(gen::writeString);
    }
  }

  private static final class SecretDeserializer extends JsonDeserializer<SecretText> {
    @Override
    public SecretText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw JsonMappingException.from(p, "a secret must be a JSON string");
      }
      int off = p.getTextOffset();
      int len = p.getTextLength();
      char[] copy = Arrays.copyOfRange(p.getTextCharacters(), off, off + len);
      try {
        return SecretText.of(copy);
      } finally {
        Arrays.fill(copy, '\0');
      }
    }
  }
}
