package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A network namespace of a {@link Lab} (client, gateway, LAN host or NAT router). Commands run
 * inside it through {@code ip netns exec}, which also gives each of them a private mount
 * namespace.
 */
public final class Netns {
  private final String name;
  private final String role;
  private ExecutorService executor;

  Netns(String name, String role) {
    this.name = name;
    this.role = role;
  }

  /** The namespace's name as {@code ip netns list} shows it. */
  public String name() {
    return name;
  }

  /** What the namespace plays in the lab: client, gateway, lan or nat. */
  public String role() {
    return role;
  }

  /** Runs a command inside the namespace and throws unless it exits 0. */
  public Cmd.Result exec(String... command) {
    return probe(Cmd.DEFAULT_TIMEOUT, command).orThrow();
  }

  /** Runs a command inside the namespace and returns its result whatever the exit code. */
  public Cmd.Result probe(String... command) {
    return probe(Cmd.DEFAULT_TIMEOUT, command);
  }

  /** Runs a command inside the namespace with a timeout, whatever the exit code. */
  public Cmd.Result probe(Duration timeout, String... command) {
    return Cmd.probe(timeout, null, wrap(List.of(command)));
  }

  /** The command line that runs {@code command} inside this namespace. */
  public List<String> wrap(List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(command);
    return full;
  }

  /** Runs {@code ip -n NAME args...} (configuration of links, addresses and routes). */
  public Cmd.Result ip(String... args) {
    List<String> full = new ArrayList<>(List.of("ip", "-n", name));
    full.addAll(List.of(args));
    return Cmd.probe(Cmd.DEFAULT_TIMEOUT, null, full).orThrow();
  }

  /**
   * Runs {@code task} in this process on a thread that lives in this network namespace and
   * returns its result. Sockets it opens stay in the namespace, e.g. an in-process client's UDP
   * socket: {@code lab.client().call(() -> DatagramChannel.open().bind(...))}.
   */
  public <T> T call(Callable<T> task) {
    try {
      return executor().submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while running in " + this, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new LabException("task in " + this + " failed: " + cause, cause);
    }
  }

  /** The single thread of this process that lives in this namespace (created on first use). */
  public synchronized ExecutorService executor() {
    if (executor == null) {
      executor = NetnsThread.enter(name);
    }
    return executor;
  }

  synchronized void shutdownExecutor() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  /** The PIDs of every process that runs in this namespace. */
  public List<Long> pids() {
    return pidsOf(name);
  }

  static List<Long> pidsOf(String namespace) {
    Cmd.Result r = Cmd.probe("ip", "netns", "pids", namespace);
    List<Long> pids = new ArrayList<>();
    if (r.ok()) {
      for (String line : r.stdout().split("\\s+")) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.strip()));
        }
      }
    }
    return pids;
  }

  @Override
  public String toString() {
    return role + " (" + name + ")";
  }
}
