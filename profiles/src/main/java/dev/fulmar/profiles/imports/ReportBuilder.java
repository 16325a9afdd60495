package dev.fulmar.profiles.imports;

import java.util.ArrayList;
import java.util.List;

/** Collects an {@link ImportReport} while an importer maps a file. */
final class ReportBuilder {
  final List<ImportReport.Mapping> mapped = new ArrayList<>();
  final List<ImportReport.Dropped> dropped = new ArrayList<>();
  final List<String> mustSupply = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  ReportBuilder mapped(String from, String to) {
    mapped.add(new ImportReport.Mapping(from, to));
    return this;
  }

  ReportBuilder dropped(String setting, String reason) {
    dropped.add(new ImportReport.Dropped(setting, reason));
    return this;
  }

  ReportBuilder supply(String what) {
    if (!mustSupply.contains(what)) {
      mustSupply.add(what);
    }
    return this;
  }

  ReportBuilder note(String text) {
    notes.add(text);
    return this;
  }

  ImportReport build(Format format) {
    return new ImportReport(format, mapped, dropped, mustSupply, notes);
  }
}
