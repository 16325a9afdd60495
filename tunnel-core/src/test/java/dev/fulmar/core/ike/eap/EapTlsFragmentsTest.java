package dev.fulmar.core.ike.eap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EapTlsFragmentsTest {

  @Test
  void cutsMessageIntoFlaggedFragments() {
    EapTlsFragments f = new EapTlsFragments(100);
    byte[] message = new byte[250];
    f.send(message);
    byte[] first = f.nextFragment();
    assertThat(HexFormat.of().formatHex(first, 0, 5)).isEqualTo("c0000000fa");
    assertThat(first).hasSize(105);
    byte[] second = f.nextFragment();
    assertThat(second[0] & 0xff).isEqualTo(EapTlsFragments.FLAG_M);
    assertThat(second).hasSize(101);
    byte[] last = f.nextFragment();
    assertThat(last[0]).isZero();
    assertThat(last).hasSize(51);
    assertThat(f.sending()).isFalse();
  }

  @Test
  void sendsSmallMessageWhole() {
    EapTlsFragments f = new EapTlsFragments(100);
    f.send(new byte[] {1, 2});
    assertThat(f.nextFragment()).containsExactly(0, 1, 2);
  }

  @Test
  void rejectsFragmentsThatExceedTheAnnouncedLength() throws Exception {
    EapTlsFragments f = new EapTlsFragments(100);
    assertThat(f.accept(HexFormat.of().parseHex("c000000002aa"))).isNull();
    assertThatThrownBy(() -> f.accept(HexFormat.of().parseHex("00bbcc")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("2 bytes announced");
  }

  @Test
  void rejectsMessageEndingShortOfTheAnnouncedLength() {
    EapTlsFragments f = new EapTlsFragments(100);
    assertThatThrownBy(() -> f.accept(HexFormat.of().parseHex("8000000003aa")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("1 of the 3");
  }

  @Test
  void rejectsHugeAnnouncedLengthAndMissingLength() {
    EapTlsFragments f = new EapTlsFragments(100);
    assertThatThrownBy(() -> f.accept(HexFormat.of().parseHex("c0ffffffff")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("exceeds the limit");
    assertThatThrownBy(() -> f.accept(HexFormat.of().parseHex("8000")))
        .isInstanceOf(EapFormatException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> EapTlsFragments.flags(new byte[0]))
        .isInstanceOf(EapFormatException.class);
  }

  @Property(tries = 200)
  void reassemblesWhatItFragments(@ForAll @Size(max = 3000) byte[] message,
      @ForAll @IntRange(min = 64, max = 1500) int size) throws Exception {
    EapTlsFragments out = new EapTlsFragments(size);
    EapTlsFragments in = new EapTlsFragments(size);
    out.send(message);
    byte[] got = null;
    do {
      got = in.accept(out.nextFragment());
    } while (out.sending());
    assertThat(got).isEqualTo(message);
  }

  @Property(tries = 5000)
  void arbitraryFragmentsYieldDataOrTypedErrors(@ForAll @Size(max = 8) java.util.List<byte[]> tds) {
    EapTlsFragments in = new EapTlsFragments(100);
    ByteArrayOutputStream unused = new ByteArrayOutputStream();
    for (byte[] td : tds) {
      try {
        byte[] m = in.accept(td);
        if (m != null) {
          unused.writeBytes(m);
        }
      } catch (EapFormatException e) {
        assertThat(e.getMessage()).isNotBlank();
        return;
      }
    }
  }
}
