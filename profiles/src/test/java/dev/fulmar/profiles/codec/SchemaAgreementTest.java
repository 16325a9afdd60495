package dev.fulmar.profiles.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema (docs/profile.schema.json) and the Java reader agree: every example in
 * docs/profile-format.md and every valid fixture passes both; every invalid fixture fails both.
 */
class SchemaAgreementTest {
  static final Path DOCS = Path.of("../docs");
  static final Schema SCHEMA = loadSchema();

  static Schema loadSchema() {
    try {
      String text = Files.readString(DOCS.resolve("profile.schema.json"));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Schema errors for a document, as text. */
  static List<String> schemaErrors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  static List<String> docExamples() throws IOException {
    String md = Files.readString(DOCS.resolve("profile-format.md"));
    Matcher m = Pattern.compile("(?s)```json\\n(.*?)```").matcher(md);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static List<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources", dir))) {
      return s.filter(p -> p.toString().endsWith(".vpn") || p.toString().endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyDocumentationExampleIsValidForBoth() throws IOException {
    List<String> examples = docExamples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
    for (String ex : examples) {
      assertThat(schemaErrors(ex)).as(ex).isEmpty();
      assertThat(ProfileCodec.read(ex).errors()).as(ex).isEmpty();
    }
  }

  @Test
  void everyValidFixtureIsValidForBoth() throws IOException {
    List<Path> valid = new ArrayList<>(files("vpn"));
    assertThat(valid).hasSizeGreaterThanOrEqualTo(3);
    for (Path p : valid) {
      String text = Files.readString(p);
      assertThat(schemaErrors(text)).as(p.toString()).isEmpty();
      assertThat(ProfileCodec.read(text).errors()).as(p.toString()).isEmpty();
    }
  }

  /** Every profile an importer produced without errors (the golden files) is valid for both. */
  @Test
  void everyImportedProfileIsValidForBoth() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<Path> golden;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/imports"))) {
      golden = s.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
    }
    int checked = 0;
    for (Path p : golden) {
      var node = json.readTree(Files.readString(p));
      if (node.path("ok").asBoolean()) {
        String profile = json.writeValueAsString(node.get("profile"));
        assertThat(schemaErrors(profile)).as(p.toString()).isEmpty();
        assertThat(ProfileCodec.read(profile).errors()).as(p.toString()).isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyInvalidFixtureIsRefusedByBoth() throws IOException {
    List<Path> invalid = files("vpn/invalid");
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(10);
    for (Path p : invalid) {
      String text = Files.readString(p);
      assertThat(schemaErrors(text)).as(p.toString()).isNotEmpty();
      assertThat(ProfileCodec.read(text).errors()).as(p.toString()).isNotEmpty();
    }
  }
}
