package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any bytes into the ESP decoder give a packet or a counted drop reason, never an exception. Each
 * of the 10,000 generated datagrams is fed in ten forms (as generated, with the SPI of each of the
 * four installed SAs so that it reaches the replay check, the cipher and the trailer checks, and
 * truncated at five points with a known SPI): 100,000 decoder inputs. Every outcome must be
 * counted exactly once.
 */
class EspDecoderPropertyTest {
  private static final int[] SPIS = {0x100, 0x200, 0x300, 0x400};
  private static SaTable table;

  @BeforeContainer
  static void install() throws Exception {
    table = new SaTable();
    table.install(EspTestSupport.loopPair(EspTransform.aesGcm16(128), SPIS[0], EspMode.TUNNEL,
        false).build());
    table.install(EspTestSupport.loopPair(EspTransform.chacha20Poly1305(), SPIS[1],
        EspMode.TRANSPORT, true).build());
    table.install(EspTestSupport.loopPair(EspTransform.aesCbc(128,
        EspIntegrity.HMAC_SHA2_256_128), SPIS[2], EspMode.TUNNEL, true).build());
    table.install(EspTestSupport.loopPair(EspTransform.aesCbc(256,
        EspIntegrity.HMAC_SHA2_512_256), SPIS[3], EspMode.TUNNEL, false).build());
  }

  @Provide
  Arbitrary<byte[]> datagrams() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200);
  }

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
  void anyBytesGiveAPacketOrACountedDrop(@ForAll("datagrams") byte[] bytes) {
    decodeOnce(bytes.clone());
    for (int spi : SPIS) {
      decodeOnce(withSpi(bytes, spi, bytes.length));
    }
    for (int cut = 1; cut <= 5; cut++) {
      decodeOnce(withSpi(bytes, SPIS[cut % SPIS.length], bytes.length * cut / 6));
    }
  }

  private static byte[] withSpi(byte[] bytes, int spi, int length) {
    byte[] b = java.util.Arrays.copyOf(bytes, length);
    if (b.length >= 4) {
      EspCipher.putInt(b, 0, spi);
    }
    return b;
  }

  private static void decodeOnce(byte[] bytes) {
    long before = totalDrops();
    EspPacket out = new EspPacket();

    boolean ok = table.open(bytes, 0, bytes.length, out);

    if (ok) {
      assertThat(out.offset() + out.length()).isLessThanOrEqualTo(bytes.length);
    } else {
      assertThat(out.drop()).isNotNull();
      assertThat(totalDrops()).isEqualTo(before + 1);
    }
  }

  private static long totalDrops() {
    long sum = table.unattributedCounters().totalDrops();
    for (EspSa sa : table.installed()) {
      sum += sa.counters().totalDrops();
    }
    return sum;
  }
}
