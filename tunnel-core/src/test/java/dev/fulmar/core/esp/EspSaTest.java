package dev.fulmar.core.esp;

import static dev.fulmar.core.esp.EspTestSupport.HEADROOM;
import static dev.fulmar.core.esp.EspTestSupport.allTransforms;
import static dev.fulmar.core.esp.EspTestSupport.ipv4Packet;
import static dev.fulmar.core.esp.EspTestSupport.loopPair;
import static dev.fulmar.core.esp.EspTestSupport.withRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EspSaTest {
  private final EspPacket out = new EspPacket();

  static List<EspTransform> transforms() {
    return allTransforms();
  }

  private static byte[] ipv6Packet(int len) {
    byte[] p = new byte[len];
    p[0] = 0x60;
    p[4] = (byte) ((len - 40) >>> 8);
    p[5] = (byte) (len - 40);
    p[6] = 17;
    p[7] = 64;
    for (int i = 8; i < len; i++) {
      p[i] = (byte) (i * 3);
    }
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transforms")
  void sealsAndOpensTunnelModeIpv4AndIpv6OfEverySize(EspTransform t) throws Exception {
    EspSaPair p = loopPair(t, 0x1000, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    for (int len = 40; len <= 1500; len += 97) {
      for (byte[] inner : List.of(ipv4Packet(len, len), ipv6Packet(len))) {
        byte[] buf = withRoom(inner);
        assertThat(tx.seal(buf, HEADROOM, len, EspSpec.nextHeaderForInner(buf, HEADROOM), out))
            .isTrue();
        assertThat(out.length()).isEqualTo(t.sealedLength(len));
        assertThat(rx.open(buf, out.offset(), out.length(), out)).as("%s", out.drop()).isTrue();
        assertThat(Arrays.copyOfRange(buf, out.offset(), out.offset() + out.length()))
            .isEqualTo(inner);
      }
    }
    assertThat(rx.counters().packets()).isEqualTo(tx.counters().packets());
    assertThat(rx.counters().totalDrops()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transforms")
  void sealsAndOpensTransportModeWithEsn(EspTransform t) throws Exception {
    EspSaPair p = loopPair(t, 0x2000, EspMode.TRANSPORT, true).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    byte[] segment = new byte[333];
    Arrays.fill(segment, (byte) 0x5A);
    byte[] buf = withRoom(segment);
    assertThat(tx.seal(buf, HEADROOM, segment.length, EspSpec.PROTO_TCP, out)).isTrue();
    assertThat(rx.open(buf, out.offset(), out.length(), out)).isTrue();
    assertThat(out.nextHeader()).isEqualTo(EspSpec.PROTO_TCP);
    assertThat(out.length()).isEqualTo(333);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transforms")
  void rejectsTamperedPacketAndLaterAcceptsTheGenuineOne(EspTransform t) throws Exception {
    EspSaPair p = loopPair(t, 0x3000, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    byte[] buf = withRoom(ipv4Packet(200, 1));
    tx.seal(buf, HEADROOM, 200, 4, out);
    int off = out.offset();
    int len = out.length();
    byte[] genuine = buf.clone();
    for (int i : new int[] {0 + 4, 8, len / 2, len - 1}) { // seq, IV, ciphertext, ICV
      byte[] forged = genuine.clone();
      forged[off + i] ^= 0x01;
      assertThat(rx.open(forged, off, len, out)).isFalse();
      assertThat(out.drop()).isIn(DropReason.AUTH_FAILED, DropReason.OUTSIDE_REPLAY_WINDOW);
    }
    assertThat(rx.open(genuine, off, len, out)).as("%s", out.drop()).isTrue();
    assertThat(rx.counters().drops(DropReason.AUTH_FAILED)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rejectsReplayedPacketAndCountsIt() throws Exception {
    EspSaPair p = loopPair(EspTransform.aesGcm16(128), 0x4000, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    byte[] buf = withRoom(ipv4Packet(100, 2));
    tx.seal(buf, HEADROOM, 100, 4, out);
    byte[] copy = buf.clone();
    int off = out.offset();
    int len = out.length();
    assertThat(rx.open(buf, off, len, out)).isTrue();
    assertThat(rx.open(copy, off, len, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.REPLAYED);
    assertThat(rx.counters().drops(DropReason.REPLAYED)).isEqualTo(1);
  }

  @Test
  void forgedPacketWithHighSequenceNumberDoesNotMoveTheWindow() throws Exception {
    EspSaPair p = loopPair(EspTransform.aesGcm16(128), 0x4100, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    byte[] forged = withRoom(ipv4Packet(100, 3));
    tx.seal(forged, HEADROOM, 100, 4, out);
    EspCipher.putInt(forged, out.offset() + 4, 5_000_000);
    assertThat(rx.open(forged, out.offset(), out.length(), out)).isFalse();
    byte[] next = withRoom(ipv4Packet(100, 4));
    tx.seal(next, HEADROOM, 100, 4, out);
    assertThat(rx.open(next, out.offset(), out.length(), out)).isTrue();
  }

  /** Seals a tunnel packet whose trailer is given raw, with the SA's keys. */
  private static byte[] sealRawTrailer(EspTransform t, EspSaPair fresh, byte[] plainWithTrailer)
      throws Exception {
    EspCipher c = t.newCipher(fresh.outboundEncKey, fresh.outboundIntegKey, true);
    int hdr = 8 + t.ivLength();
    byte[] buf = new byte[hdr + plainWithTrailer.length + t.icvLength()];
    EspCipher.putInt(buf, 0, fresh.outboundSpi);
    EspCipher.putInt(buf, 4, 1);
    c.writeIv(buf, 8, 1);
    System.arraycopy(plainWithTrailer, 0, buf, hdr, plainWithTrailer.length);
    c.seal(buf, 0, hdr, plainWithTrailer.length, 0, false);
    return buf;
  }

  @Test
  void rejectsNonMonotonicPaddingAfterTheIcvVerified() throws Exception {
    EspTransform t = EspTransform.aesCbc(128, EspIntegrity.HMAC_SHA2_256_128);
    EspSaPair p = loopPair(t, 0x5000, EspMode.TUNNEL, false).build();
    byte[] plain = Arrays.copyOf(ipv4Packet(28, 5), 32);
    plain[28] = 1;
    plain[29] = 3; // must be 2
    plain[30] = 2;
    plain[31] = 4;
    byte[] packet = sealRawTrailer(t, p, plain);
    EspSa rx = EspSa.inbound(loopPair(t, 0x5000, EspMode.TUNNEL, false).build());
    assertThat(rx.open(packet, 0, packet.length, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.BAD_PADDING);
  }

  @Test
  void rejectsPadLengthLongerThanThePayload() throws Exception {
    EspTransform t = EspTransform.aesGcm16(128);
    EspSaPair p = loopPair(t, 0x5100, EspMode.TUNNEL, false).build();
    byte[] plain = {1, 2, (byte) 200, 4};
    byte[] packet = sealRawTrailer(t, p, plain);
    EspSa rx = EspSa.inbound(loopPair(t, 0x5100, EspMode.TUNNEL, false).build());
    assertThat(rx.open(packet, 0, packet.length, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.BAD_PADDING);
  }

  @Test
  void dropsTfcDummyPacketSilentlyButCountsIt() throws Exception {
    EspSaPair p = loopPair(EspTransform.aesGcm16(256), 0x6000, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    EspSa rx = EspSa.inbound(p);
    byte[] buf = withRoom(new byte[50]);
    assertThat(tx.seal(buf, HEADROOM, 50, EspSpec.NEXT_HEADER_DUMMY, out)).isTrue();
    assertThat(rx.open(buf, out.offset(), out.length(), out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.TFC_DUMMY);
    assertThat(rx.counters().drops(DropReason.TFC_DUMMY)).isEqualTo(1);
  }

  @Test
  void tunnelModeRefusesOtherNextHeadersAndMismatchedInnerVersion() throws Exception {
    EspTransform t = EspTransform.chacha20Poly1305();
    EspSaPair p = loopPair(t, 0x7000, EspMode.TUNNEL, false).build();
    EspSa tx = EspSa.outbound(p);
    byte[] buf = withRoom(ipv4Packet(60, 6));
    assertThat(tx.seal(buf, HEADROOM, 60, EspSpec.PROTO_TCP, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.BAD_NEXT_HEADER);

    byte[] plain = Arrays.copyOf(ipv4Packet(62, 7), 64);
    plain[62] = 0;
    plain[63] = EspSpec.NEXT_HEADER_IPV6; // says IPv6, carries IPv4
    byte[] packet = sealRawTrailer(t, p, plain);
    EspSa rx = EspSa.inbound(loopPair(t, 0x7000, EspMode.TUNNEL, false).build());
    assertThat(rx.open(packet, 0, packet.length, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.BAD_INNER_PACKET);
  }

  @Test
  void signalsRekeyAtSoftLimitAndStopsBeforeTheSequenceNumberWraps() throws Exception {
    List<String> events = new ArrayList<>();
    SaTable table = new SaTable();
    table.setListener(new SaEventListener() {
      @Override
      public void onRekeyNeeded(long id, int spi) {
        events.add("soft " + id);
      }

      @Override
      public void onSequenceExhausted(long id, int spi) {
        events.add("hard " + id);
      }
    });
    table.install(loopPair(EspTransform.aesGcm16(128), 0x8000, EspMode.TUNNEL, false)
        .sequenceLimits(3, 5).build());
    EspSa tx = table.outboundOf(0x8000);
    for (int i = 1; i <= 5; i++) {
      byte[] buf = withRoom(ipv4Packet(40, i));
      assertThat(tx.seal(buf, HEADROOM, 40, 4, out)).isTrue();
      assertThat(out.sequenceNumber()).isEqualTo(i);
    }
    byte[] buf = withRoom(ipv4Packet(40, 9));
    assertThat(tx.seal(buf, HEADROOM, 40, 4, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.SEQUENCE_EXHAUSTED);
    assertThat(events).containsExactly("soft 32768", "hard 32768");
  }

  @Test
  void defaultHardLimitIsTheLastSequenceNumber() {
    EspSaPair plain = loopPair(EspTransform.aesGcm16(128), 1, EspMode.TUNNEL, false).build();
    EspSaPair esn = loopPair(EspTransform.aesGcm16(128), 1, EspMode.TUNNEL, true).build();
    assertThat(plain.hardLimit).isEqualTo(0xFFFF_FFFFL);
    assertThat(esn.hardLimit).isEqualTo(-1L);
    assertThat(Long.compareUnsigned(plain.softLimit, plain.hardLimit)).isNegative();
  }

  @Test
  void refusesSealWithoutHeadroomOrTailroom() throws Exception {
    EspSa tx = EspSa.outbound(
        loopPair(EspTransform.aesGcm16(128), 0x9000, EspMode.TUNNEL, false).build());
    byte[] tight = ipv4Packet(60, 1);
    assertThat(tx.seal(tight, 0, 60, 4, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.NO_BUFFER_SPACE);
    assertThat(tx.counters().drops(DropReason.NO_BUFFER_SPACE)).isEqualTo(1);
  }

  @Test
  void rejectsKeysOfTheWrongLengthNamingTheKey() {
    assertThatThrownBy(() -> EspSaPair.builder().childSaId(1).spis(1, 2)
            .transform(EspTransform.aesGcm16(256)).inboundKeys(new byte[32], null)
            .outboundKeys(new byte[36], null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inbound encryption key must be 36 bytes");
  }

  @Test
  void deletedSaWipesKeysAndDropsLaterPackets() throws Exception {
    SaTable table = new SaTable();
    table.install(loopPair(EspTransform.aesGcm16(128), 0xA000, EspMode.TUNNEL, false).build());
    EspSa tx = table.outboundOf(0xA000);
    EspSa rx = table.inboundOf(0xA000);
    table.delete(0xA000);
    assertThat(tx.isDestroyed()).isTrue();
    assertThat(rx.isDestroyed()).isTrue();
    assertThat(table.inbound(0xA000)).isNull();
    byte[] buf = withRoom(ipv4Packet(60, 1));
    assertThat(tx.seal(buf, HEADROOM, 60, 4, out)).isFalse();
    assertThat(out.drop()).isEqualTo(DropReason.SA_DELETED);
  }

  @Test
  void pairKeysAreWipedOnceInstalled() throws Exception {
    EspSaPair p = loopPair(EspTransform.aesGcm16(128), 0xB000, EspMode.TUNNEL, false).build();
    new SaTable().install(p);
    assertThat(p.inboundEncKey).containsOnly(0);
    assertThat(p.outboundEncKey).containsOnly(0);
    assertThat(p.toString()).contains("redacted").doesNotContain("0x");
  }
}
