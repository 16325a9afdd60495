package dev.fulmar.profiles.imports;

import java.util.List;

/**
 * What an import did, for the user: each setting carried over (from → to), each setting dropped
 * with the reason, what the user still has to supply, and notes (e.g. who signed the file).
 */
public record ImportReport(
    Format format,
    List<Mapping> mapped,
    List<Dropped> dropped,
    List<String> mustSupply,
    List<String> notes) {

  /** A source setting and the profile field it became. */
  public record Mapping(String from, String to) {}

  /** A source setting that was not carried over, and why. */
  public record Dropped(String setting, String reason) {}

  public ImportReport {
    mapped = List.copyOf(mapped);
    dropped = List.copyOf(dropped);
    mustSupply = List.copyOf(mustSupply);
    notes = List.copyOf(notes);
  }

  /** The report as plain text, as {@code fulmar import} prints it. */
  public String toText() {
    StringBuilder s =
        new StringBuilder(
            format == null ? "Not imported\n" : "Imported from: " + format.description() + "\n");
    notes.forEach(n -> s.append("Note: ").append(n).append('\n'));
    if (!mapped.isEmpty()) {
      s.append("Mapped:\n");
      mapped.forEach(
          m -> s.append("  ").append(m.from()).append(" -> ").append(m.to()).append('\n'));
    }
    if (!dropped.isEmpty()) {
      s.append("Not imported:\n");
      dropped.forEach(
          d -> s.append("  ").append(d.setting()).append(": ").append(d.reason()).append('\n'));
    }
    if (!mustSupply.isEmpty()) {
      s.append("You still need to supply:\n");
      mustSupply.forEach(m -> s.append("  ").append(m).append('\n'));
    }
    return s.toString();
  }
}
