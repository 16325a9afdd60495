package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.jdk.UndoExecutor;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The undo steps the Linux adapters record, and how to carry them out. Every step is idempotent:
 * undoing a change that is already gone (device deleted with its routes, table never created)
 * succeeds. Arguments are checked again when read back, since the journal is a file.
 */
public final class LinuxUndoActions implements UndoExecutor {

  static final String TUN_DELETE = "tun.delete";
  static final String ADDRESS_DELETE = "address.delete";
  static final String ROUTE_DELETE = "route.delete";
  static final String RESOLVED_REVERT = "resolved.revert";
  static final String FILE_RESTORE = "file.restore";
  static final String FILE_DELETE = "file.delete";
  static final String NFT_DELETE_TABLE = "nft.delete-table";

  private static final Set<String> ROUTE_KEYS = Set.of("via", "dev", "metric", "table", "proto");

  private final IpRoute2 ip;
  private final CommandRunner runner;

  /** Runs the undo commands through {@code runner}. */
  public LinuxUndoActions(CommandRunner runner) {
    this.runner = runner;
    this.ip = new IpRoute2(runner);
  }

  static UndoStep deleteTunDevice(String name) {
    return UndoStep.of(TUN_DELETE, name);
  }

  static UndoStep deleteAddress(String dev, String addressWithPrefix) {
    return UndoStep.of(ADDRESS_DELETE, dev, addressWithPrefix);
  }

  /** {@code spec} is an iproute2 route: the destination then key/value pairs. */
  static UndoStep deleteRoute(List<String> spec) {
    return new UndoStep(ROUTE_DELETE, spec);
  }

  static UndoStep revertResolvedLink(String dev) {
    return UndoStep.of(RESOLVED_REVERT, dev);
  }

  static UndoStep restoreFile(Path target, Path backup, String writtenSha256) {
    return UndoStep.of(FILE_RESTORE, target.toString(), backup.toString(), writtenSha256);
  }

  static UndoStep deleteFile(Path target, String writtenSha256) {
    return UndoStep.of(FILE_DELETE, target.toString(), writtenSha256);
  }

  static UndoStep deleteNftTable(String family, String table) {
    return UndoStep.of(NFT_DELETE_TABLE, family, table);
  }

  @Override
  public void undo(UndoStep step) throws IOException {
    List<String> a = step.args();
    switch (step.kind()) {
      case TUN_DELETE -> ip.deleteTunIfPresent(checkName(arg(a, 0)));
      case ADDRESS_DELETE -> ip.deleteAddress(checkName(arg(a, 0)), checkPrefix(arg(a, 1)));
      case ROUTE_DELETE -> ip.deleteRoute(checkRoute(a));
      case RESOLVED_REVERT -> new ResolvedDns(runner).revert(checkName(arg(a, 0)));
      case FILE_RESTORE ->
          ResolvConfDns.restore(checkPath(arg(a, 0)), checkPath(arg(a, 1)), checkHash(arg(a, 2)));
      case FILE_DELETE -> ResolvConfDns.delete(checkPath(arg(a, 0)), checkHash(arg(a, 1)));
      case NFT_DELETE_TABLE -> NftKillSwitch.deleteTable(runner, checkName(arg(a, 0)),
          checkName(arg(a, 1)));
      default -> throw new IllegalArgumentException("unknown undo step kind " + step.kind());
    }
  }

  private static String arg(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("undo step lacks argument " + (i + 1));
    }
    return args.get(i);
  }

  static String checkName(String name) {
    if (!name.matches("[A-Za-z0-9_.-]{1,15}")) {
      throw new IllegalArgumentException("invalid name '" + name + "' in undo step");
    }
    return name;
  }

  private static Path checkPath(String p) {
    Path path = Path.of(p);
    if (!path.isAbsolute() || !path.normalize().equals(path)) {
      throw new IllegalArgumentException("path in undo step must be absolute and normal: " + p);
    }
    return path;
  }

  private static String checkHash(String h) {
    if (!h.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("invalid SHA-256 in undo step");
    }
    return h;
  }

  private static String checkPrefix(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("address without prefix length: " + text);
    }
    IpPrefix.parse(text.substring(0, slash)); // literal check; host bits are allowed here
    int len = Integer.parseInt(text.substring(slash + 1));
    if (len < 0 || len > 128) {
      throw new IllegalArgumentException("invalid prefix length in " + text);
    }
    return text;
  }

  private static List<String> checkRoute(List<String> spec) {
    if (spec.isEmpty() || spec.size() % 2 == 0) {
      throw new IllegalArgumentException("malformed route " + spec);
    }
    List<String> out = new ArrayList<>(spec.size());
    out.add(IpPrefix.parse(spec.get(0)).toString());
    for (int i = 1; i < spec.size(); i += 2) {
      String key = spec.get(i);
      String value = spec.get(i + 1);
      if (!ROUTE_KEYS.contains(key) || !value.matches("[A-Za-z0-9_.:-]{1,45}")) {
        throw new IllegalArgumentException("unexpected route attribute " + key + " " + value);
      }
      out.add(key);
      out.add(value);
    }
    return out;
  }
}
