package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.ResponderSa;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.ChildSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Wireshark key log holds exactly the keys the gateway derived, in the UAT formats. */
class KeyLogTest {
  private final ExchangeHarness h = new ExchangeHarness();
  private final List<String> ike = new ArrayList<>();
  private final List<String> esp = new ArrayList<>();

  @Test
  void writesIkeAndEspKeysInWiresharksFormats() throws Exception {
    h.params.keyLog((table, line) ->
        (table == KeyLogSink.Table.IKEV2_DECRYPTION_TABLE ? ike : esp).add(line));
    h.connect();
    h.runAll();
    SessionInfo info = h.info();
    ResponderSa gw = h.responder.sa();
    HexFormat hex = HexFormat.of();

    assertThat(ike).containsExactly(String.format(
        "%016x,%016x,%s,%s,\"AES-GCM-256 with 16 octet ICV [RFC5282]\",,,\"NONE [RFC4306]\"",
        info.ikeSpiInitiator(), info.ikeSpiResponder(), hex.formatHex(gw.keys.skEi()),
        hex.formatHex(gw.keys.skEr())));
    ChildSaKeys child = KeyDerivation.childSaKeys(gw.keys, ChildSuite.of(20, 256, 0, List.of()),
        List.of(), gw.nonceI, gw.nonceR);
    ChildSaKeys.EspKeys out = child.initiatorToResponder();
    ChildSaKeys.EspKeys in = child.responderToInitiator();
    assertThat(esp).containsExactly(
        String.format("\"IPv4\",\"198.51.100.10\",\"192.0.2.1\",\"0x%08x\","
            + "\"AES-GCM with 16 octet ICV [RFC4106]\",\"0x%s%s\",\"NULL\",\"\"",
            info.child().outboundSpi(), hex.formatHex(out.cipherKey()), hex.formatHex(out.salt())),
        String.format("\"IPv4\",\"192.0.2.1\",\"198.51.100.10\",\"0x%08x\","
            + "\"AES-GCM with 16 octet ICV [RFC4106]\",\"0x%s%s\",\"NULL\",\"\"",
            info.child().inboundSpi(), hex.formatHex(in.cipherKey()), hex.formatHex(in.salt())));
  }

  @Test
  void writesIntegrityKeysForCbcSuites() throws Exception {
    h.gateway.ike = dev.fulmar.core.ike.ResponderConfig.parseIke("aes256-sha256-modp2048");
    h.gateway.esp = dev.fulmar.core.ike.ResponderConfig.parseEsp("aes256-sha256");
    h.params.keyLog((table, line) ->
        (table == KeyLogSink.Table.IKEV2_DECRYPTION_TABLE ? ike : esp).add(line));
    h.connect();
    h.runAll();

    assertThat(ike).singleElement().asString()
        .contains("\"AES-CBC-256 [RFC3602]\"", "\"HMAC_SHA2_256_128 [RFC4868]\"")
        .matches("[0-9a-f]{16},[0-9a-f]{16},[0-9a-f]{64},[0-9a-f]{64},\"[^\"]+\","
            + "[0-9a-f]{64},[0-9a-f]{64},\"[^\"]+\"");
    assertThat(esp).hasSize(2).allSatisfy(line -> assertThat(line)
        .contains("\"AES-CBC [RFC3602]\"", "\"HMAC-SHA-256-128 [RFC4868]\""));
  }

  @Test
  void writesNothingUnlessAsked() {
    h.connect();
    h.runAll();

    assertThat(h.info()).isNotNull();
    assertThat(ike).isEmpty();
    assertThat(esp).isEmpty();
  }
}
