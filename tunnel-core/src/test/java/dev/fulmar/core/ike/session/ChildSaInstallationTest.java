package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.esp.EspPacket;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.esp.TrafficSelector;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.ResponderSa;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.ChildSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session whose environment has an SA installer puts the first CHILD SA into it: with the
 * negotiated SPIs and selectors, towards the gateway's port 4500, and with keys the gateway
 * derives too (proven by sealing on one side and opening on the other, both ways).
 */
class ChildSaInstallationTest {
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void installsTheFirstChildSaWithKeysTheGatewayShares() throws Exception {
    SaTable client = new SaTable();
    h.saInstaller = client;
    h.connect();
    h.runAll();

    ChildSaInfo child = h.info().child();
    EspSa out = client.outboundOf(child.inboundSpi());
    EspSa in = client.inboundOf(child.inboundSpi());
    assertThat(out.spi()).isEqualTo((int) child.outboundSpi());
    assertThat(in.spi()).isEqualTo((int) child.inboundSpi());
    assertThat(out.peer().getPort()).isEqualTo(4500);
    assertThat(h.info().natDetection().udpEncapsulation()).isTrue();
    assertThat(out.remoteTs()).hasSize(child.remoteSelectors().size());

    SaTable gateway = gatewaySide(child, h.responder.sa(), h.clientAddress());
    assertThat(roundTrip(out, gateway, "to the gateway")).isEqualTo("to the gateway");
    assertThat(roundTrip(gateway.outboundOf(1), client, "to the client"))
        .isEqualTo("to the client");
  }

  @Test
  void withoutAnInstallerNothingIsForcedOntoPort4500() {
    h.connect();
    h.runAll();

    assertThat(h.info().natDetection().forcedByUs()).isFalse();
  }

  /** The gateway's SA pair, from KEYMAT derived from the responder's own IKE SA keys. */
  private static SaTable gatewaySide(ChildSaInfo child, ResponderSa g,
      java.net.InetSocketAddress clientAddress) throws Exception {
    Algorithm enc = child.encryption();
    Algorithm integ = child.integrity();
    ChildSaKeys keys = KeyDerivation.childSaKeys(g.keys,
        ChildSuite.of(enc.transformId(), enc.keyBits(), integ == null ? 0 : integ.transformId(),
            List.of()), List.of(), g.nonceI, g.nonceR);
    EspTransform t = EspTransform.fromIana(enc.transformId(), enc.keyBits(),
        integ == null ? 0 : integ.transformId());
    SaTable table = new SaTable();
    table.install(EspSaPair.builder().childSaId(1)
        .spis((int) child.outboundSpi(), (int) child.inboundSpi())
        .transform(t)
        .inboundKeys(key(keys.initiatorToResponder()), keys.initiatorToResponder().integrityKey())
        .outboundKeys(key(keys.responderToInitiator()), keys.responderToInitiator().integrityKey())
        .localTs(List.of(TrafficSelector.anyIpv4()))
        .remoteTs(List.of(TrafficSelector.anyIpv4()))
        .peer(clientAddress)
        .build());
    return table;
  }

  private static byte[] key(ChildSaKeys.EspKeys k) {
    byte[] c = k.cipherKey();
    byte[] s = k.salt();
    byte[] r = Arrays.copyOf(c, c.length + s.length);
    System.arraycopy(s, 0, r, c.length, s.length);
    return r;
  }

  /** Seals an IPv4 packet carrying {@code payload} with {@code sender}; opens it at the other end. */
  private static String roundTrip(EspSa sender, SaTable receiver, String payload) {
    byte[] text = payload.getBytes(StandardCharsets.US_ASCII);
    byte[] buf = new byte[512];
    int off = 128;
    int total = 20 + text.length;
    byte[] header = {0x45, 0, (byte) (total >> 8), (byte) total, 0, 1, 0x40, 0, 64, (byte) 253,
        0, 0, 10, (byte) 201, 0, 1, 10, (byte) 200, 0, 10};
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += ((header[i] & 0xff) << 8) | (header[i + 1] & 0xff);
    }
    sum = (sum & 0xffff) + (sum >>> 16);
    sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
    header[10] = (byte) (sum >> 8);
    header[11] = (byte) sum;
    System.arraycopy(header, 0, buf, off, 20);
    System.arraycopy(text, 0, buf, off + 20, text.length);
    EspPacket packet = new EspPacket();
    assertThat(sender.seal(buf, off, total, 4, packet)).isTrue();
    EspPacket opened = new EspPacket();
    assertThat(receiver.open(buf, packet.offset(), packet.length(), opened))
        .as("opened: " + opened.drop()).isTrue();
    return new String(buf, opened.offset() + 20, opened.length() - 20, StandardCharsets.US_ASCII);
  }
}
