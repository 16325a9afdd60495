package dev.fulmar.profiles.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulmar.profiles.codec.ProfileCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every sample file under {@code imports/<format>/} is imported and the profile,
 * report, problems and secret kinds are compared with {@code <file>.expected.json}. The samples
 * were written for these tests (minimal, full, odd-but-valid and broken ones per format). After a
 * deliberate change, regenerate with {@code -Dfulmar.golden.update=true} and review the diff.
 */
class GoldenImportTest {
  static final Path ROOT = Path.of("src/test/resources/imports");
  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> samples() throws IOException {
    return Files.walk(ROOT)
        .filter(Files::isRegularFile)
        .filter(p -> !p.toString().endsWith(".expected.json"))
        .filter(
            p ->
                !p.getParent().equals(ROOT)
                    && !p.getParent().getFileName().toString().equals("expected-profiles"))
        .sorted();
  }

  /** The import as JSON: what the golden files hold. */
  static JsonNode describe(Path sample) throws IOException {
    String name = sample.getFileName().toString();
    ImportResult r =
        ProfileImporter.importBytes(
            Files.readAllBytes(sample), name.substring(0, name.lastIndexOf('.')));
    ObjectNode o = JSON.createObjectNode();
    o.put("format", r.format() == null ? null : r.format().name());
    o.put("ok", r.ok());
    o.set("profile", r.profile() == null ? null : JSON.readTree(ProfileCodec.write(r.profile())));
    ObjectNode report = o.putObject("report");
    ArrayNode mapped = report.putArray("mapped");
    r.report().mapped().forEach(m -> mapped.addArray().add(m.from()).add(m.to()));
    ArrayNode dropped = report.putArray("dropped");
    r.report().dropped().forEach(d -> dropped.addArray().add(d.setting()).add(d.reason()));
    strings(report.putArray("mustSupply"), r.report().mustSupply());
    strings(report.putArray("notes"), r.report().notes());
    strings(o.putArray("problems"), r.problems().stream().map(Object::toString).toList());
    strings(o.putArray("secrets"), r.secrets().kinds().stream().map(Enum::name).sorted().toList());
    r.secrets().close();
    return o;
  }

  private static void strings(ArrayNode a, List<String> items) {
    items.forEach(a::add);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void importMatchesTheGoldenFile(Path sample) throws IOException {
    JsonNode actual = describe(sample);
    Path expected = Path.of(sample + ".expected.json");
    if (Boolean.getBoolean("fulmar.golden.update")) {
      Files.writeString(
          expected, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    }
    assertThat(expected)
        .as("golden file for %s (generate with -Dfulmar.golden.update=true)", sample)
        .exists();
    assertThat(actual).isEqualTo(JSON.readTree(Files.readString(expected)));
  }
}
