package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any bytes into the ESP decoder give a packet or a counted drop reason, never an exception. Half
 * of the inputs carry the SPI of an installed SA so that they reach the replay check, the cipher
 * and the trailer checks; every outcome must be counted exactly once.
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
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(160);
  }

  @Property(tries = 100_000, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void anyBytesGiveAPacketOrACountedDrop(
      @ForAll("datagrams") byte[] bytes, @ForAll boolean useKnownSpi, @ForAll int spiIndex) {
    if (useKnownSpi && bytes.length >= 4) {
      EspCipher.putInt(bytes, 0, SPIS[Math.floorMod(spiIndex, SPIS.length)]);
    }
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
