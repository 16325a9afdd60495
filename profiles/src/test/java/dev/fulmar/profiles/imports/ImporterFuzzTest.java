package dev.fulmar.profiles.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.testing.Mutator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Arbitrary input into every importer: mutants of each format's sample files (100k per format in
 * the normal build; see junit-platform.properties for the long run). Each yields a profile or
 * errors that say what is wrong — never another exception, never a hang.
 */
class ImporterFuzzTest {

  /**
   * One format's parser and conversion, called directly (detection and validation are fuzzed
   * below).
   */
  private static void check(FormatImporter importer, byte[] data) {
    String text = TextDecoding.decode(data);
    importer.detects(data, text);
    ImportResult r = importer.read(data, text, "fuzz");
    assertThat(r.format()).isEqualTo(importer.format());
    if (r.profile() == null) {
      assertThat(r.problems())
          .filteredOn(p -> p.isError())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
    r.secrets().close();
  }

  /** The whole entry point (detection, conversion, validation) over every format's mutants. */
  @Property(tries = 5_000)
  void entryPoint(@ForAll("anyFormatInput") String latin1) {
    ImportResult r =
        ProfileImporter.importBytes(latin1.getBytes(StandardCharsets.ISO_8859_1), "fuzz");
    if (!r.ok()) {
      assertThat(r.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
    r.secrets().close();
  }

  @Provide
  Arbitrary<String> anyFormatInput() throws IOException {
    List<String> all = new ArrayList<>();
    for (String dir :
        List.of(
            "sswan", "mobileconfig", "profilexml", "pbk", "shrew", "swanctl", "fulmar", "other")) {
      all.addAll(samples(dir, StandardCharsets.ISO_8859_1));
    }
    return Mutator.mutants(
        all,
        List.of(
            "{",
            "}",
            "<",
            ">",
            ":",
            "=",
            "\n",
            "connections {",
            "<VPNProfile>",
            "\"format\": \"fulmar-profile\"",
            "s:network-host:x\n",
            "[e]\nVpnStrategy=7\n",
            "\"remote\"",
            "\"type\""));
  }

  @Property
  void sswan(@ForAll("sswanInput") String text) {
    check(new SswanImporter(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void mobileconfig(@ForAll("mobileconfigInput") String latin1) {
    check(new MobileconfigImporter(), latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Property
  void profileXml(@ForAll("profileXmlInput") String text) {
    check(new ProfileXmlImporter(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void rasphonePbk(@ForAll("pbkInput") String text) {
    check(new PbkImporter(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void shrew(@ForAll("shrewInput") String text) {
    check(new ShrewImporter(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void swanctl(@ForAll("swanctlInput") String text) {
    check(new SwanctlImporter(), text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> sswanInput() throws IOException {
    return Mutator.mutants(
        samples("sswan", StandardCharsets.UTF_8),
        List.of(
            "\"type\"",
            "\"ikev2-cert-eap\"",
            "\"remote\": {}",
            "\"addr\"",
            "[",
            "]",
            "\"p12\": \"AAAA\"",
            "\"port\": -1",
            "\"mtu\": \"x\"",
            "null",
            "{\"a\":"));
  }

  @Provide
  Arbitrary<String> mobileconfigInput() throws IOException {
    return Mutator.mutants(
        samples("mobileconfig", StandardCharsets.ISO_8859_1),
        List.of(
            "<dict>",
            "</dict>",
            "<key>IKEv2</key>",
            "<array>",
            "<string>IKEv2</string>",
            "<integer>99999999999999999999</integer>",
            "<data>@@</data>",
            "<true/>",
            "<!ENTITY x \"y\">",
            "\u0030\u0082",
            "bplist00"));
  }

  @Provide
  Arbitrary<String> profileXmlInput() throws IOException {
    return Mutator.mutants(
        samples("profilexml", StandardCharsets.UTF_8),
        List.of(
            "<VPNProfile>",
            "</VPNProfile>",
            "&lt;",
            "&amp;",
            "<Route><Address>",
            "<NativeProtocolType>L2tp</NativeProtocolType>",
            "<!DOCTYPE x>",
            "<Type>13</Type>"));
  }

  @Provide
  Arbitrary<String> pbkInput() throws IOException {
    return Mutator.mutants(
        samples("pbk", StandardCharsets.UTF_8),
        List.of("[", "]", "\nVpnStrategy=7\n", "PhoneNumber=", "=", "\n[x]\n", "IpDnsAddress=::1"));
  }

  @Provide
  Arbitrary<String> shrewInput() throws IOException {
    return Mutator.mutants(
        samples("shrew", StandardCharsets.UTF_8),
        List.of(
            "s:network-host:",
            "n:version:4\n",
            "b:auth-mutual-psk:",
            "\n\n",
            ":",
            "s:auth-method:mutual-rsa\n",
            "n:phase1-dhgroup:-9999999999999999999\n",
            " / 255.255.0.0",
            "s:phase1-cipher:aes\n"));
  }

  @Provide
  Arbitrary<String> swanctlInput() throws IOException {
    return Mutator.mutants(
        samples("swanctl", StandardCharsets.UTF_8),
        List.of(
            "{",
            "}",
            " = ",
            "\"",
            "#",
            "connections {",
            "include x",
            "local { auth = pubkey }",
            "version = 1",
            "remote_ts = ::/0",
            "\\"));
  }

  /**
   * The format's sample files as seeds. Small files are seeded three times: mutations of the
   * structure find more than mutations inside kilobytes of embedded certificates, which the golden
   * tests parse in full.
   */
  private static List<String> samples(String dir, Charset cs) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/imports", dir))) {
      for (Path p : s.filter(p -> !p.toString().endsWith(".expected.json")).sorted().toList()) {
        String seed = new String(Files.readAllBytes(p), cs);
        int copies = seed.length() < 3000 ? 3 : 1;
        for (int i = 0; i < copies; i++) {
          out.add(seed);
        }
      }
    }
    return out;
  }
}
