package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.unix.Accounts;
import dev.fulmar.core.spi.PeerIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peer credentials of real connections, from this process and from another user's process. */
class LinuxPeerCredentialsIT {

  private static final String PEER_CLIENT = """
      import java.net.*; import java.nio.*; import java.nio.channels.*;
      public class PeerClient {
        public static void main(String[] a) throws Exception {
          try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {
            c.read(ByteBuffer.allocate(1)); // stay connected until the test is done
          }
        }
      }
      """;

  private Path dir;
  private ServerSocketChannel server;

  @BeforeEach
  void setUp() throws IOException {
    NetNs.requireRoot();
    dir = Files.createTempDirectory(Path.of("/tmp"), "fulmar-peercred",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(dir.resolve("control.sock")));
    Files.setPosixFilePermissions(dir.resolve("control.sock"),
        PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterEach
  void tearDown() throws IOException {
    if (server != null) {
      server.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void identifiesThisProcessWithPidAndGroups() throws IOException {
    LinuxPeerCredentials creds = new LinuxPeerCredentials();
    assertThat(creds.seesProcessIds()).as("tests run with " + LinuxPeerCredentials.ADD_EXPORTS)
        .isTrue();
    try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel accepted = server.accept()) {
      assertThat(client.isConnected()).isTrue();
      PeerIdentity id = creds.identify(accepted);
      assertThat(id.uid()).isZero();
      assertThat(id.gid()).isZero();
      assertThat(id.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(id.userName()).contains("root");
      assertThat(id.isRoot()).isTrue();
      assertThat(id.groupIds()).isEqualTo(idG("root"));
      assertThat(id.isMemberOf("root")).isTrue();
    }
  }

  @Test
  void identifiesAnotherUsersProcess() throws Exception {
    Path src = dir.resolve("PeerClient.java");
    Files.writeString(src, PEER_CLIENT);
    Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rw-r--r--"));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        java, src.toString(), dir.resolve("control.sock").toString())
        .redirectErrorStream(true).start();
    try (SocketChannel accepted = server.accept()) {
      PeerIdentity id = new LinuxPeerCredentials().identify(accepted);
      assertThat(id.uid()).isEqualTo(65534);
      assertThat(id.gid()).isEqualTo(65534);
      assertThat(id.pid()).isEqualTo(p.pid()); // setpriv execs, so the pid is the client's
      assertThat(id.userName()).isEqualTo(Accounts.userName(65534));
      assertThat(id.isRoot()).isFalse();
      assertThat(id.isMemberOf("root")).isFalse();
      assertThat(id.groupIds()).isEqualTo(idG(id.userName().orElseThrow()));
    } finally {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  @Test
  void withoutTheDescriptorTheIdentityComesFromTheJdkAloneWithoutPid() throws IOException {
    try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel accepted = server.accept()) {
      assertThat(client.isConnected()).isTrue();
      PeerIdentity id = new LinuxPeerCredentials(false).identify(accepted);
      assertThat(id.uid()).isZero();
      assertThat(id.pid()).isEqualTo(-1);
      assertThat(id.groupNames()).contains("root");
    }
  }

  @Test
  void refusesSocketsThatAreNotUnixDomain() throws IOException {
    try (ServerSocketChannel tcp = ServerSocketChannel.open().bind(
            new InetSocketAddress("127.0.0.1", 0));
        SocketChannel c = SocketChannel.open(tcp.getLocalAddress());
        SocketChannel a = tcp.accept()) {
      assertThat(c.isConnected()).isTrue();
      assertThatThrownBy(() -> new LinuxPeerCredentials().identify(a))
          .hasMessageContaining("not a Unix domain socket");
    }
  }

  @Test
  void groupListsMatchIdForEveryAccountOnThisMachine() throws IOException {
    String passwd = new ProcessCommandRunner(java.time.Duration.ofSeconds(10))
        .check("getent", "passwd");
    for (String line : passwd.split("\n")) {
      String[] f = line.split(":");
      long gid = Long.parseLong(f[3]);
      assertThat(Accounts.groupsOf(f[0], gid)).as(f[0]).isEqualTo(idG(f[0]));
      assertThat(Accounts.userId(f[0])).hasValue(Long.parseLong(f[2]));
    }
  }

  /** {@code id -G user}, the independent oracle. */
  private static Set<Long> idG(String user) throws IOException {
    String out = new ProcessCommandRunner(java.time.Duration.ofSeconds(10)).check("id", "-G", user);
    return Arrays.stream(out.strip().split("\\s+")).map(Long::parseLong)
        .collect(Collectors.toSet());
  }

}
