package dev.fulmar.adapters.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.unix.MalformedPeerCredentialsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Decoding Darwin's {@code struct xucred} from bytes built by hand. */
class XucredTest {

  /**
   * A {@code struct xucred} as an arm64/x86_64 Mac writes it for user 501 (the first account)
   * whose effective group is staff (20), with groups everyone (12) and _appserveradm (81); built
   * by hand from the layout in {@link Xucred}, little-endian: cr_version 0, cr_uid 0x1f5,
   * cr_ngroups 3 and two padding bytes, then 16 gid slots of which the last 13 are zero.
   */
  private static final String STAFF_501_HEX = "00000000" + "f5010000" + "0300" + "0000"
      + "14000000" + "0c000000" + "51000000" + "00000000".repeat(13);

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  @Test
  void decodesTheRecordOfAUserWithThreeGroups() throws Exception {
    byte[] bytes = HexFormat.of().parseHex(STAFF_501_HEX);
    assertThat(bytes).hasSize(Xucred.SIZE);
    Xucred x = Xucred.decode(bytes, LE);
    assertThat(x.uid()).isEqualTo(501);
    assertThat(x.gid()).isEqualTo(20);
    assertThat(x.groups()).containsExactly(20L, 12L, 81L);
  }

  @Test
  void readsIdsAsUnsigned() throws Exception {
    // macOS's nobody is uid -2 and group nobody gid -2: 4294967294 as uid_t/gid_t.
    Xucred x = Xucred.decode(xucred(0, 0xfffffffeL, 1, 0xfffffffeL), LE);
    assertThat(x.uid()).isEqualTo(4294967294L);
    assertThat(x.gid()).isEqualTo(4294967294L);
  }

  @Test
  void readsAllSixteenGroupsAndNoMore() throws Exception {
    byte[] bytes = xucred(0, 0, 16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(Xucred.decode(bytes, LE).groups()).hasSize(16).startsWith(0L).endsWith(15L);
  }

  @Test
  void honoursTheByteOrderItIsGiven() throws Exception {
    Xucred x = Xucred.decode(build(ByteOrder.BIG_ENDIAN, 0, 501, 1, 20), ByteOrder.BIG_ENDIAN);
    assertThat(x.uid()).isEqualTo(501);
    assertThat(x.gid()).isEqualTo(20);
  }

  @Test
  void refusesAnotherStructureVersionNamingIt() {
    assertThatThrownBy(() -> Xucred.decode(xucred(1, 501, 1, 20), LE))
        .isInstanceOf(MalformedPeerCredentialsException.class)
        .hasMessage("struct xucred from the kernel: cr_version 1, expected XUCRED_VERSION 0");
    assertThatThrownBy(() -> Xucred.decode(xucred(0xffffffffL, 501, 1, 20), LE))
        .hasMessageContaining("cr_version 4294967295");
  }

  @Test
  void refusesGroupCountsOutsideOneToSixteen() {
    for (int n : new int[] {17, 0, -1, Short.MAX_VALUE, Short.MIN_VALUE}) {
      byte[] bytes = xucred(0, 501, 1, 20);
      ByteBuffer.wrap(bytes).order(LE).putShort(8, (short) n);
      assertThatThrownBy(() -> Xucred.decode(bytes, LE)).as("cr_ngroups %d", n)
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessageContaining("cr_ngroups " + n + " outside 1..16");
    }
  }

  @Test
  void refusesABufferOfAnyOtherSize() {
    byte[] good = HexFormat.of().parseHex(STAFF_501_HEX);
    for (int len : new int[] {0, 4, 12, 75, 77, 80}) {
      byte[] bytes = Arrays.copyOf(good, len);
      assertThatThrownBy(() -> Xucred.decode(bytes, LE)).as("%d bytes", len)
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessage("struct xucred from the kernel: " + len + " bytes, expected 76");
    }
  }

  @Property(tries = 2000)
  void arbitraryBytesGiveARecordOrTheTypedError(@ForAll @Size(max = 100) byte[] bytes) {
    try {
      Xucred x = Xucred.decode(bytes, LE);
      assertThat(bytes).hasSize(Xucred.SIZE);
      assertThat(x.groups()).hasSizeBetween(1, 16);
    } catch (MalformedPeerCredentialsException expected) {
      assertThat(expected).hasMessageStartingWith("struct xucred from the kernel: ");
    }
  }

  @Property(tries = 2000)
  void arbitraryRecordsOfTheRightSizeGiveARecordOrTheTypedError(
      @ForAll("xucredSized") byte[] bytes) {
    try {
      Xucred x = Xucred.decode(bytes, LE);
      assertThat(x.gid()).isEqualTo(ByteBuffer.wrap(bytes).order(LE).getInt(12) & 0xffffffffL);
    } catch (MalformedPeerCredentialsException expected) {
      assertThat(expected).hasMessageStartingWith("struct xucred from the kernel: ");
    }
  }

  @Property(tries = 1000)
  void validRecordsDecodeToWhatWasEncoded(@ForAll int uid,
      @ForAll @Size(min = 1, max = 16) List<Integer> groups) {
    long[] g = groups.stream().mapToLong(i -> i & 0xffffffffL).toArray();
    Xucred x;
    try {
      x = Xucred.decode(xucred(0, uid & 0xffffffffL, g.length, g), LE);
    } catch (MalformedPeerCredentialsException e) {
      throw new AssertionError(e);
    }
    assertThat(x.uid()).isEqualTo(uid & 0xffffffffL);
    assertThat(x.groups()).containsExactly(Arrays.stream(g).boxed().toArray(Long[]::new));
  }

  /** Mostly valid headers (version 0, small group counts) so the property reaches every check. */
  @Provide
  Arbitrary<byte[]> xucredSized() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofSize(Xucred.SIZE);
    return raw.flatMap(b -> Arbitraries.integers().between(-2, 18).flatMap(n ->
        Arbitraries.of(0, 0, 0, 1).map(v -> {
          byte[] copy = b.clone();
          ByteBuffer.wrap(copy).order(LE).putInt(0, v).putShort(8, (short) (int) n);
          return copy;
        })));
  }

  static byte[] xucred(long version, long uid, int ngroups, long... groups) {
    return build(LE, version, uid, ngroups, groups);
  }

  private static byte[] build(ByteOrder order, long version, long uid, int ngroups,
      long... groups) {
    ByteBuffer b = ByteBuffer.allocate(Xucred.SIZE).order(order);
    b.putInt(0, (int) version).putInt(4, (int) uid).putShort(8, (short) ngroups);
    for (int i = 0; i < groups.length; i++) {
      b.putInt(12 + 4 * i, (int) groups[i]);
    }
    return b.array();
  }
}
