package dev.fulmar.adapters.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.security.auth.module.UnixSystem;
import dev.fulmar.adapters.unix.ConnectedPair;
import dev.fulmar.adapters.unix.MalformedPeerCredentialsException;
import dev.fulmar.adapters.unix.UnixPeerCredentials;
import dev.fulmar.adapters.unix.UnixPeerCredentials.KernelPeer;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * What of {@link MacPeerCredentials} can run on Linux: decoding the two {@code getsockopt}
 * answers, and those decoded answers going through the shared cross-check against the JDK on a
 * real {@code AF_UNIX} connection. The two {@code getsockopt(SOL_LOCAL, ...)} calls themselves
 * exist only on macOS and are not run here.
 */
class MacPeerCredentialsTest {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  /** {@code pid_t} 4242 (0x1092) as {@code LOCAL_PEERPID} returns it, little-endian. */
  private static final String PID_4242_HEX = "92100000";

  @Test
  void decodesThePeerPid() throws Exception {
    assertThat(MacPeerCredentials.decodePid(HexFormat.of().parseHex(PID_4242_HEX), LE))
        .isEqualTo(4242);
  }

  @Test
  void refusesAPidOfTheWrongSize() {
    for (int len : new int[] {0, 3, 5, 8}) {
      assertThatThrownBy(() -> MacPeerCredentials.decodePid(new byte[len], LE))
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessage("pid_t from the kernel: " + len + " bytes, expected 4");
    }
  }

  @Test
  void refusesPidsThatAreNoProcess() {
    for (int pid : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> MacPeerCredentials.decodePid(pidBytes(pid), LE))
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessageContaining("pid " + pid + " is not a process");
    }
  }

  @Test
  void combinesUidAndEffectiveGidOfTheRecordWithThePid() throws Exception {
    KernelPeer peer = MacPeerCredentials.fromKernel(XucredTest.xucred(0, 501, 2, 20, 12),
        HexFormat.of().parseHex(PID_4242_HEX), LE);
    assertThat(peer).isEqualTo(new KernelPeer(501, 20, 4242));
  }

  @Test
  void aBadRecordRefusesThePeerEvenWithAGoodPid() {
    assertThatThrownBy(() -> MacPeerCredentials.fromKernel(XucredTest.xucred(2, 501, 1, 20),
        pidBytes(4242), LE)).hasMessageContaining("cr_version 2");
  }

  @Test
  void decodedAnswersPassTheCrossCheckWithTheJdk() throws IOException {
    UnixSystem self = new UnixSystem();
    long pid = ProcessHandle.current().pid();
    UnixPeerCredentials creds = new UnixPeerCredentials(fd -> MacPeerCredentials.fromKernel(
        XucredTest.xucred(0, self.getUid(), 1, self.getGid()), pidBytes((int) pid), LE), true);
    try (ConnectedPair pair = ConnectedPair.open()) {
      PeerIdentity id = creds.identify(pair.accepted());
      assertThat(id.uid()).isEqualTo(self.getUid());
      assertThat(id.gid()).isEqualTo(self.getGid());
      assertThat(id.pid()).isEqualTo(pid);
    }
  }

  @Test
  void decodedAnswersForAnotherUserFailTheCrossCheck() throws IOException {
    UnixSystem self = new UnixSystem();
    long other = self.getUid() == 0 ? 65534 : 0;
    UnixPeerCredentials creds = new UnixPeerCredentials(fd -> MacPeerCredentials.fromKernel(
        XucredTest.xucred(0, other, 1, self.getGid()), pidBytes(4242), LE), true);
    try (ConnectedPair pair = ConnectedPair.open()) {
      assertThatThrownBy(() -> creds.identify(pair.accepted()))
          .hasMessageContaining("peer credentials disagree");
    }
  }

  @Test
  void selectsTheDescriptorPathLikeTheLinuxClass() {
    assertThat(new MacPeerCredentials().seesProcessIds())
        .as("tests run with " + MacPeerCredentials.ADD_EXPORTS).isTrue();
    assertThat(new MacPeerCredentials(false).seesProcessIds()).isFalse();
  }

  @Property(tries = 2000)
  void arbitraryPidBytesGiveAPidOrTheTypedError(@ForAll @Size(max = 8) byte[] bytes) {
    try {
      assertThat(MacPeerCredentials.decodePid(bytes, LE)).isPositive();
    } catch (MalformedPeerCredentialsException expected) {
      assertThat(expected).hasMessageStartingWith("pid_t from the kernel: ");
    }
  }

  private static byte[] pidBytes(int pid) {
    return ByteBuffer.allocate(4).order(LE).putInt(pid).array();
  }
}
