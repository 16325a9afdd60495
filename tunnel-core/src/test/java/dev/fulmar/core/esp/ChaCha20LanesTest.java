package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side block computation against the scalar block function of {@link ChaCha20}
 * (itself checked against RFC 8439's vectors and SunJCE in {@link ChaCha20Test}): every block
 * count from 1 to 40 and a full set of lanes, whole and partial last blocks, and counters just
 * below 2^32 where the 32-bit block counter wraps to 0 as the scalar path's {@code int} does.
 */
class ChaCha20LanesTest {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** RFC 8439 §2.3.2's key 00:01:02:...:1f. */
  private static final byte[] KEY = HexFormat.of()
      .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  /** 1 is ESP's first data block (RFC 7634 §2); the others make the counter wrap within a call. */
  private static final int[] COUNTERS = {1, 0, 0x7fffffe0, 0xffffffff, 0xfffffff0, 0xffffffe0};

  /** Every block count from 1 to 40, and all the lanes. */
  private static final int[] BLOCK_COUNTS =
      IntStream.concat(IntStream.rangeClosed(1, 40), IntStream.of(ChaCha20Lanes.LANES)).toArray();

  private static final int N0 = 0x4a000000;
  private static final int N1 = 0x09;
  private static final int N2 = 0xdeadbeef;

  @Test
  void everyLaneEqualsTheScalarBlockForEveryBlockCountAndCounter() {
    ChaCha20 scalar = keyed();
    int[] key = keyWords();
    ChaCha20Lanes lanes = new ChaCha20Lanes(key);
    int[] got = new int[16];
    for (int counter : COUNTERS) {
      for (int n : BLOCK_COUNTS) {
        lanes.compute(counter, N0, N1, N2, n);
        for (int l = 0; l < n; l++) {
          lanes.copyBlock(l, counter + l, N0, N1, N2, got);
          assertThat(got).as("counter %08x, %d lanes, lane %d", counter, n, l)
              .isEqualTo(scalar.block(counter + l, N0, N1, N2));
        }
      }
    }
  }

  @Test
  void xorEqualsTheScalarKeyStreamForEveryLengthUpTo70Blocks() {
    ChaCha20 chacha = keyed();
    ChaCha20 scalar = keyed();
    Random random = new Random(7634);
    for (int counter : COUNTERS) {
      for (int len = 0; len <= 70 * ChaCha20.BLOCK_LENGTH; len += len < 41 * 64 ? 1 : 61) {
        byte[] data = new byte[len + 3];
        random.nextBytes(data);
        byte[] got = data.clone();
        chacha.xor(counter, N0, N1, N2, got, 3, len);
        assertThat(got).as("counter %08x, length %d", counter, len)
            .isEqualTo(scalarXor(scalar, counter, data, 3, len));
      }
    }
  }

  @Test
  void xorOfAFullEspPacketSpansSeveralLaneRuns() {
    ChaCha20 chacha = keyed();
    byte[] data = new byte[65535];
    new Random(1).nextBytes(data);
    byte[] got = data.clone();
    chacha.xor(1, N0, N1, N2, got, 0, data.length);
    assertThat(got).isEqualTo(scalarXor(keyed(), 1, data, 0, data.length));
  }

  @Test
  void wipeOverwritesTheLaneState() {
    int[] key = keyWords();
    ChaCha20Lanes lanes = new ChaCha20Lanes(key);
    lanes.compute(1, N0, N1, N2, ChaCha20Lanes.LANES);
    lanes.wipe();
    Arrays.fill(key, 0);
    int[] got = new int[16];
    for (int l = 0; l < ChaCha20Lanes.LANES; l++) {
      lanes.copyBlock(l, 0, 0, 0, 0, got);
      assertThat(got).isEqualTo(new int[] {ChaCha20.C0, ChaCha20.C1, ChaCha20.C2, ChaCha20.C3,
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }
  }

  /**
   * The key stream from one {@link ChaCha20#block} call per 64 bytes (the scalar path), its words
   * taken apart with shifts, byte by byte.
   */
  private static byte[] scalarXor(ChaCha20 scalar, int counter, byte[] data, int off, int len) {
    byte[] out = data.clone();
    int[] b = null;
    for (int i = 0; i < len; i++) {
      if (i % ChaCha20.BLOCK_LENGTH == 0) {
        b = scalar.block(counter + i / ChaCha20.BLOCK_LENGTH, N0, N1, N2);
      }
      out[off + i] ^= (byte) (b[(i % ChaCha20.BLOCK_LENGTH) / 4] >>> (8 * (i % 4)));
    }
    return out;
  }

  private static int[] keyWords() {
    int[] key = new int[8];
    for (int i = 0; i < 8; i++) {
      key[i] = (int) INTS.get(KEY, 4 * i);
    }
    return key;
  }

  private static ChaCha20 keyed() {
    ChaCha20 c = new ChaCha20();
    c.setKey(KEY, 0);
    return c;
  }
}
