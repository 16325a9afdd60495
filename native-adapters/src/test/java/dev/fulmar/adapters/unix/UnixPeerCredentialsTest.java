package dev.fulmar.adapters.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.security.auth.module.UnixSystem;
import dev.fulmar.adapters.unix.UnixPeerCredentials.KernelPeer;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The shared cross-check on real {@code AF_UNIX} connections of this process, with the
 * OS-specific kernel read replaced by a query that answers what a test says; the JDK side and the
 * account database are real.
 */
class UnixPeerCredentialsTest {

  private static final UnixSystem SELF = new UnixSystem();
  private static final long PID = 4242;

  @Test
  void identityTakesIdsAndPidFromTheKernelWhenTheJdkAgrees() throws IOException {
    AtomicInteger seenFd = new AtomicInteger(-1);
    UnixPeerCredentials creds = new UnixPeerCredentials(fd -> {
      seenFd.set(fd);
      return new KernelPeer(SELF.getUid(), SELF.getGid(), PID);
    }, true);
    assertThat(creds.seesProcessIds()).as("tests run with " + UnixPeerCredentials.ADD_EXPORTS)
        .isTrue();
    try (ConnectedPair pair = ConnectedPair.open()) {
      PeerIdentity id = creds.identify(pair.accepted());
      assertThat(seenFd.get()).isPositive();
      assertThat(id.uid()).isEqualTo(SELF.getUid());
      assertThat(id.gid()).isEqualTo(SELF.getGid());
      assertThat(id.pid()).isEqualTo(PID);
      assertThat(id.userName()).isEqualTo(Accounts.userName(SELF.getUid()));
      assertThat(id.groupIds()).contains(SELF.getGid());
      Accounts.groupName(SELF.getGid()).ifPresent(g -> assertThat(id.isMemberOf(g)).isTrue());
    }
  }

  @Test
  void refusesAKernelUidThatTheJdkDoesNotReport() throws IOException {
    long otherUid = SELF.getUid() == 0 ? 65534 : 0;
    UnixPeerCredentials creds = new UnixPeerCredentials(
        fd -> new KernelPeer(otherUid, SELF.getGid(), PID), true);
    try (ConnectedPair pair = ConnectedPair.open()) {
      assertThatThrownBy(() -> creds.identify(pair.accepted())).isInstanceOf(IOException.class)
          .hasMessageContaining("peer credentials disagree");
    }
  }

  @Test
  void refusesAKernelGidThatTheJdkDoesNotReport() throws IOException {
    long otherGid = SELF.getGid() == 0 ? 65534 : 0;
    UnixPeerCredentials creds = new UnixPeerCredentials(
        fd -> new KernelPeer(SELF.getUid(), otherGid, PID), true);
    try (ConnectedPair pair = ConnectedPair.open()) {
      assertThatThrownBy(() -> creds.identify(pair.accepted()))
          .hasMessageContaining("peer credentials disagree");
    }
  }

  @Test
  void aMalformedKernelAnswerRefusesThePeer() throws IOException {
    UnixPeerCredentials creds = new UnixPeerCredentials(fd -> {
      throw new MalformedPeerCredentialsException("struct test", "cr_version 9");
    }, true);
    try (ConnectedPair pair = ConnectedPair.open()) {
      assertThatThrownBy(() -> creds.identify(pair.accepted()))
          .isInstanceOf(MalformedPeerCredentialsException.class)
          .hasMessage("struct test from the kernel: cr_version 9");
    }
  }

  @Test
  void withoutTheDescriptorTheJdkAloneAnswersWithoutPid() throws IOException {
    UnixPeerCredentials creds = new UnixPeerCredentials(fd -> {
      throw new AssertionError("the kernel query must not run without the descriptor");
    }, false);
    assertThat(creds.seesProcessIds()).isFalse();
    try (ConnectedPair pair = ConnectedPair.open()) {
      PeerIdentity id = creds.identify(pair.accepted());
      assertThat(id.uid()).isEqualTo(SELF.getUid());
      assertThat(id.gid()).isEqualTo(SELF.getGid());
      assertThat(id.pid()).isEqualTo(-1);
    }
  }

  @Test
  void refusesSocketsThatAreNotUnixDomain() throws IOException {
    UnixPeerCredentials creds = new UnixPeerCredentials(
        fd -> new KernelPeer(SELF.getUid(), SELF.getGid(), PID), true);
    try (ServerSocketChannel tcp = ServerSocketChannel.open().bind(
            new InetSocketAddress("127.0.0.1", 0));
        SocketChannel c = SocketChannel.open(tcp.getLocalAddress());
        SocketChannel a = tcp.accept()) {
      assertThat(c.isConnected()).isTrue();
      assertThatThrownBy(() -> creds.identify(a)).hasMessageContaining("not a Unix domain socket");
    }
  }

  /** An id above 2^31 with no account, as the JDK names it: by its number as a signed int. */
  private static final long UNNAMED_HIGH_ID = 4_000_000_000L;

  @Test
  void idsWithoutAnAccountAgreeInEitherNumericSpelling() throws IOException {
    assertThat(Accounts.userName(UNNAMED_HIGH_ID)).as("precondition: no such account").isEmpty();
    assertThat(Accounts.groupName(UNNAMED_HIGH_ID)).as("precondition: no such group").isEmpty();
    KernelPeer peer = new KernelPeer(UNNAMED_HIGH_ID, UNNAMED_HIGH_ID, PID);
    String signed = Integer.toString((int) UNNAMED_HIGH_ID);
    assertThat(UnixPeerCredentials.crossChecked(peer, principal(signed, signed))).isEqualTo(peer);
    assertThat(UnixPeerCredentials.crossChecked(peer,
        principal("4000000000", "4000000000"))).isEqualTo(peer);
    assertThatThrownBy(() -> UnixPeerCredentials.crossChecked(peer, principal("root", signed)))
        .hasMessageContaining("peer credentials disagree");
  }

  @Test
  void numericJdkNamesWithoutAnAccountMapBackToUnsignedIds() throws IOException {
    String signed = Integer.toString((int) UNNAMED_HIGH_ID);
    KernelPeer peer = UnixPeerCredentials.fromPrincipal(principal(signed, "4000000000"));
    assertThat(peer).isEqualTo(new KernelPeer(UNNAMED_HIGH_ID, UNNAMED_HIGH_ID, -1));
    assertThatThrownBy(() -> UnixPeerCredentials.fromPrincipal(principal("99999999999", "0")))
        .hasMessageContaining("peer user '99999999999' has no id in the account database");
  }

  private static UnixDomainPrincipal principal(String user, String group) {
    GroupPrincipal g = () -> group;
    return new UnixDomainPrincipal(() -> user, g);
  }
}
