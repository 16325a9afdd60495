package dev.fulmar.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.linux.LinuxPeerCredentials;
import dev.fulmar.adapters.macos.MacPeerCredentials;
import org.junit.jupiter.api.Test;

/** Which peer identification each {@code os.name} gets. */
class PeerCredentialsForHostTest {

  @Test
  void linuxGetsSoPeerCred() {
    assertThat(PeerCredentialsForHost.forOs("Linux")).isInstanceOf(LinuxPeerCredentials.class);
  }

  @Test
  void macOsGetsLocalPeerCredUnderEveryNameTheJdkHasUsed() {
    for (String name : new String[] {"Mac OS X", "macOS", "Darwin"}) {
      assertThat(PeerCredentialsForHost.forOs(name)).as(name)
          .isInstanceOf(MacPeerCredentials.class);
    }
  }

  @Test
  void windowsIsRefusedNamingWhatIsMissing() {
    for (String name : new String[] {"Windows 11", "Windows Server 2022", "Windows 10"}) {
      assertThatThrownBy(() -> PeerCredentialsForHost.forOs(name)).as(name)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("on " + name + " is not implemented yet")
          .hasMessageContaining("SIO_AF_UNIX_GETPEERPID");
    }
  }

  @Test
  void otherSystemsAreRefusedByName() {
    for (String name : new String[] {"FreeBSD", "SunOS", "AIX", ""}) {
      assertThatThrownBy(() -> PeerCredentialsForHost.forOs(name)).as(name)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("'" + name + "'");
    }
  }

  @Test
  void thisHostGetsWhatItsOsNameSelects() {
    assertThat(PeerCredentialsForHost.forThisHost())
        .hasSameClassAs(PeerCredentialsForHost.forOs(System.getProperty("os.name")));
  }
}
