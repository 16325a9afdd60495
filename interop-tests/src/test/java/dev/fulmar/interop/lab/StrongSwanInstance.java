package dev.fulmar.interop.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A running charon of the lab (gateway or client): its SAs and connections as Java values (over
 * VICI), its swanctl, its log, and control over its life (stop, kill, restart).
 */
public abstract class StrongSwanInstance implements AutoCloseable {
  final CharonDaemon daemon;

  StrongSwanInstance(CharonDaemon daemon) {
    this.daemon = daemon;
  }

  /** Every IKE_SA with its CHILD_SAs ({@code list-sas}). */
  public List<IkeSa> listSas() {
    List<IkeSa> sas = new ArrayList<>();
    try (Vici vici = daemon.vici()) {
      vici.stream("list-sas", ViciMessage.EMPTY, "list-sa", m -> {
        for (String name : m.keys()) {
          sas.add(IkeSa.parse(name, m.section(name)));
        }
      }, CharonDaemon.CALL_TIMEOUT);
    }
    return sas;
  }

  /** The loaded connections ({@code list-conns}). */
  public List<ConnInfo> listConns() {
    List<ConnInfo> conns = new ArrayList<>();
    try (Vici vici = daemon.vici()) {
      vici.stream("list-conns", ViciMessage.EMPTY, "list-conn", m -> {
        for (String name : m.keys()) {
          conns.add(ConnInfo.parse(name, m.section(name)));
        }
      }, CharonDaemon.CALL_TIMEOUT);
    }
    return conns;
  }

  /**
   * Polls {@link #listSas()} until an IKE_SA matches {@code condition}; returns it, or empty after
   * {@code timeout}.
   */
  public Optional<IkeSa> awaitSa(Predicate<IkeSa> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      Optional<IkeSa> hit = listSas().stream().filter(condition).findFirst();
      if (hit.isPresent()) {
        return hit;
      }
      CharonDaemon.sleep(50);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  /** The algorithms the daemon supports, by type (encryption, integrity, prf, ke/dh, ...). */
  public Map<String, List<String>> algorithms() {
    Map<String, List<String>> algs = new LinkedHashMap<>();
    ViciMessage m = call("get-algorithms", ViciMessage.EMPTY);
    for (String type : m.keys()) {
      ViciMessage s = m.section(type);
      algs.put(type, s == null ? List.of() : List.copyOf(s.keys()));
    }
    return algs;
  }

  /** Daemon statistics ({@code stats}): uptime, workers, ikesas total/half-open, plugins. */
  public ViciMessage stats() {
    return call("stats", ViciMessage.EMPTY);
  }

  /** A raw VICI command for anything the typed methods don't cover. */
  public ViciMessage call(String command, ViciMessage args) {
    try (Vici vici = daemon.vici()) {
      return vici.call(command, args, CharonDaemon.CALL_TIMEOUT);
    }
  }

  /** Runs this daemon's own swanctl against it, e.g. {@code swanctl("--list-sas")}. */
  public Cmd.Result swanctl(String... args) {
    return daemon.swanctl(args);
  }

  /** The strongSwan version the daemon reports, e.g. "5.9.8" or "6.1.0". */
  public String version() {
    return daemon.daemonVersion();
  }

  /** The daemon's log (stderr) of its current run, under the lab directory. */
  public Path logFile() {
    return daemon.logFile();
  }

  public String logTail(int lines) {
    return daemon.logTail(lines);
  }

  /** The rendered strongswan.conf and swanctl/ of this instance. */
  public Path configDir() {
    return daemon.confDir();
  }

  public long pid() {
    return daemon.pid();
  }

  public boolean isRunning() {
    return daemon.isRunning();
  }

  /** SIGKILL: gone without deleting its SAs (the peer finds out by DPD). */
  public void kill() {
    daemon.kill();
  }

  /** Stops (if running) and starts again with the same configuration, in a new log file. */
  public void restart() {
    daemon.restart();
    afterStart();
  }

  /** SIGTERM: charon deletes its SAs, telling the peer, and exits. */
  public void stop() {
    daemon.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Called after each (re)start, once the configuration is loaded. */
  void afterStart() {}

  @Override
  public String toString() {
    return daemon.role() + " strongSwan " + version() + " pid " + pid();
  }
}
