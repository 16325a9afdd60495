package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.adapters.jdk.JournalDirectory;
import dev.fulmar.core.spi.KillSwitch;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.NetworkMonitor;
import dev.fulmar.core.spi.PeerCredentials;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.TunDeviceFactory;
import dev.fulmar.core.spi.UdpTransportFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Linux {@link Platform}: TUN through {@code /dev/net/tun}, iproute2 for addresses and
 * routes, systemd-resolved or {@code /etc/resolv.conf} for DNS, nftables for the kill switch, all
 * journaled in one directory.
 *
 * <p>The journal lives on persistent storage ({@code /var/lib/fulmar/journal}), not in {@code
 * /run}: routes, devices and firewall tables vanish with a reboot, but a rewritten {@code
 * /etc/resolv.conf} does not, and its backup and undo step must survive to the next start.
 */
public final class LinuxPlatform implements Platform {

  /** Where the journals live by default. */
  public static final Path DEFAULT_JOURNAL_DIR = Path.of("/var/lib/fulmar/journal");
  /** resolved's varlink socket: present while systemd-resolved runs (systemd 246+). */
  public static final Path RESOLVED_SOCKET = Path.of("/run/systemd/resolve/io.systemd.Resolve");
  /** Order of crash recovery: network changes first, the kill switch last. */
  static final List<String> RECOVERY_ORDER = List.of("network", "tun", "killswitch");

  private final Path journalDir;
  private final Path resolvConf;
  private final Path resolvedSocket;
  private final CommandRunner runner;
  private final Map<String, FileChangeJournal> journals = new HashMap<>();

  private LinuxPlatform(Builder b) {
    this.journalDir = b.journalDir;
    this.resolvConf = b.resolvConf;
    this.resolvedSocket = b.resolvedSocket;
    this.runner = b.runner;
  }

  /** The platform with the standard paths of a Linux host. */
  public static LinuxPlatform system() {
    return builder().build();
  }

  /** A builder, for other paths (tests, packaging). */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TunDeviceFactory tunDevices() {
    return new LinuxTunDeviceFactory(uncheckedJournal("tun"));
  }

  @Override
  public UdpTransportFactory udpTransports() {
    return new LinuxUdpTransportFactory();
  }

  /** One tunnel at a time: each call returns a configurator over the same journal. */
  @Override
  public NetworkConfigurator networkConfigurator() throws IOException {
    FileChangeJournal journal = journal("network"); // also creates the directory for backups
    return new LinuxNetworkConfigurator(runner, journal, dns());
  }

  @Override
  public KillSwitch killSwitch() throws IOException {
    return new NftKillSwitch(runner, journal("killswitch"));
  }

  @Override
  public NetworkMonitor networkMonitor() throws IOException {
    return LinuxNetlinkMonitor.open();
  }

  @Override
  public PeerCredentials peerCredentials() {
    return new LinuxPeerCredentials();
  }

  @Override
  public synchronized RollbackReport recoverAfterCrash() throws IOException {
    journals.clear();
    return JournalDirectory.recover(journalDir, new LinuxUndoActions(runner), RECOVERY_ORDER);
  }

  /** How DNS is set on this host: resolved when it runs and owns resolv.conf, else the file. */
  LinuxDns dns() throws IOException {
    if (Files.exists(resolvedSocket) && resolvConfUsesResolved(resolvConf)) {
      return new ResolvedDns(runner);
    }
    return new ResolvConfDns(resolvConf, journalDir);
  }

  /** A symlink into resolved's runtime directory, or a file that points at its stub. */
  static boolean resolvConfUsesResolved(Path resolvConf) throws IOException {
    if (Files.isSymbolicLink(resolvConf)) {
      return Files.readSymbolicLink(resolvConf).toString().contains("/run/systemd/resolve/");
    }
    if (!Files.exists(resolvConf)) {
      return false;
    }
    return Files.readAllLines(resolvConf, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .anyMatch(l -> l.equals("nameserver 127.0.0.53") || l.equals("nameserver 127.0.0.54"));
  }

  private synchronized FileChangeJournal journal(String name) throws IOException {
    FileChangeJournal j = journals.get(name);
    if (j == null) {
      j = FileChangeJournal.open(journalDir, name, new LinuxUndoActions(runner));
      journals.put(name, j);
    }
    return j;
  }

  private FileChangeJournal uncheckedJournal(String name) {
    try {
      return journal(name);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot open the journal in " + journalDir, e);
    }
  }

  /** Paths and tools of a {@link LinuxPlatform}. */
  public static final class Builder {
    private Path journalDir = DEFAULT_JOURNAL_DIR;
    private Path resolvConf = Path.of("/etc/resolv.conf");
    private Path resolvedSocket = RESOLVED_SOCKET;
    private CommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));

    private Builder() {}

    /** The journal directory (created with mode 0700). */
    public Builder journalDir(Path dir) {
      this.journalDir = dir;
      return this;
    }

    /** The resolver file to manage when systemd-resolved does not run. */
    public Builder resolvConf(Path file) {
      this.resolvConf = file;
      return this;
    }

    /** The socket whose existence means systemd-resolved runs. */
    public Builder resolvedSocket(Path socket) {
      this.resolvedSocket = socket;
      return this;
    }

    /** How {@code ip}, {@code nft} and {@code resolvectl} are run. */
    public Builder commandRunner(CommandRunner runner) {
      this.runner = runner;
      return this;
    }

    public LinuxPlatform build() {
      return new LinuxPlatform(this);
    }
  }
}
