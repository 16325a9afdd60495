package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.unix.MalformedPeerCredentialsException;
import dev.fulmar.adapters.unix.UnixPeerCredentials.KernelPeer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Decoding Linux's {@code struct ucred}; the call itself is covered by the IT. */
class LinuxPeerCredentialsTest {

  /**
   * {@code struct ucred} built by hand, little-endian (x86_64, arm64): pid 4242 (0x1092), uid
   * 1000 (0x3e8), gid 65534 (0xfffe).
   */
  private static final String UCRED_HEX = "92100000" + "e8030000" + "feff0000";

  @Test
  void decodesPidUidAndGid() throws Exception {
    KernelPeer peer = LinuxPeerCredentials.decodeUcred(HexFormat.of().parseHex(UCRED_HEX),
        ByteOrder.LITTLE_ENDIAN);
    assertThat(peer).isEqualTo(new KernelPeer(1000, 65534, 4242));
  }

  @Test
  void refusesAnswersOfAnotherSize() {
    for (int len : new int[] {0, 8, 11, 13}) {
      assertThatThrownBy(() -> LinuxPeerCredentials.decodeUcred(new byte[len],
          ByteOrder.LITTLE_ENDIAN))
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessage("struct ucred from the kernel: " + len + " bytes, expected 12");
    }
  }

  @Property(tries = 1000)
  void arbitraryBytesGiveAPeerOrTheTypedError(@ForAll @Size(max = 20) byte[] bytes) {
    try {
      KernelPeer peer = LinuxPeerCredentials.decodeUcred(bytes, ByteOrder.LITTLE_ENDIAN);
      assertThat(bytes).hasSize(12);
      assertThat(peer.uid()).isBetween(0L, 0xffffffffL);
    } catch (MalformedPeerCredentialsException expected) {
      assertThat(expected).hasMessageStartingWith("struct ucred from the kernel: ");
    }
  }
}
