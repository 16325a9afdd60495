package dev.fulmar.app.cli;

import dev.fulmar.app.files.ReferencedFileException;
import dev.fulmar.app.files.ReferencedFiles;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretMover;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a profile file into your profiles, with a report of what was "
        + "carried over, what was not and why, and what you must still supply. Secrets in the "
        + "file go to your keychain (without one, you are asked each time you connect).",
        "Formats, recognised by content: Fulmar .vpn, strongSwan .sswan, Apple .mobileconfig "
            + "(signed or not), Windows ProfileXML and rasphone.pbk, Shrew Soft .vpn, "
            + "swanctl.conf.",
        "CA certificate and PKCS#12 files the profile names (relative to the file's directory) "
            + "are copied into the saved profile."})
final class ImportCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(names = "--dry-run", description = "Check and report only; save nothing.")
  boolean dryRun;

  @Option(names = "--username", paramLabel = "NAME", description = "Your user name, when the "
      + "file has none (a Windows ProfileXML never has one).")
  String username;

  @Option(names = "--pkcs12", paramLabel = "P12", description = "Your client certificate and "
      + "key as a PKCS#12 file, when the file has none (Windows, Shrew Soft and swanctl files "
      + "cannot carry one); it is copied into the saved profile.")
  Path pkcs12;

  @Option(names = "--ca", paramLabel = "PEM", description = "The CA certificate (PEM or DER) "
      + "that issued the gateway's certificate, when the file has none (Windows names its root "
      + "only by thumbprint); it is copied into the saved profile and replaces the system trust "
      + "store for this profile.")
  Path ca;

  @Override
  int run() throws CliException {
    Path f = env().workingDir().resolve(file);
    if (!Files.isRegularFile(f)) {
      throw new CliException(ExitCode.NOT_FOUND, "NOT_FOUND", "no such file: " + f);
    }
    ImportResult r;
    try {
      r = ProfileImporter.importFile(f);
    } catch (IOException e) {
      throw new CliException(ExitCode.ERROR, "ERROR", "cannot read " + f + ": " + e.getMessage());
    }
    try {
      r = new ImportAdditions(username, pkcs12, ca).applyTo(r, env().workingDir());
    } catch (CliException e) {
      r.secrets().close();
      throw e;
    }
    if (r.ok()) {
      r = embedFiles(r, f);
    }
    List<String> problems = r.problems().stream().map(Problem::toString).toList();
    if (!r.ok() || dryRun) {
      List<SecretMover.Outcome> would = r.ok() && !r.secrets().isEmpty()
          ? SecretMover.preview(r.secrets(), env().secrets().get()) : List.of();
      r.secrets().close();
      report(r, problems, null, would);
      return r.ok() ? ExitCode.OK : ExitCode.INVALID_PROFILE;
    }
    try {
      ProfileImporter.SaveOutcome saved = ProfileImporter.save(r, env().store().get(),
          env().secrets().get());
      report(r, problems, saved.stored().file(), saved.secrets());
      return ExitCode.OK;
    } catch (StoreException e) {
      StringBuilder m = new StringBuilder(e.getMessage());
      e.problems().forEach(p -> m.append("\n  ").append(p));
      throw new CliException(e.reason() == StoreException.Reason.IO ? ExitCode.ERROR
          : ExitCode.INVALID_PROFILE, e.reason().name(), m.toString());
    }
  }

  /**
   * The import with the files its profile names put inside it (the helper accepts no file
   * references from users, and the store is elsewhere than the file the paths were relative to).
   */
  private static ImportResult embedFiles(ImportResult r, Path file) throws CliException {
    try {
      Profile embedded = ReferencedFiles.embed(r.profile(), file.toAbsolutePath().getParent());
      return new ImportResult(r.format(), embedded, r.report(), r.problems(), r.secrets());
    } catch (ReferencedFileException e) {
      r.secrets().close();
      throw new CliException(ExitCode.INVALID_PROFILE, "INVALID_PROFILE", file
          + " cannot be imported (nothing was saved): " + e.getMessage());
    }
  }

  private void report(ImportResult r, List<String> problems, Path savedTo,
      List<SecretMover.Outcome> secrets) {
    if (json) {
      print(JsonOut.of(JsonOut.object("ok", r.ok(), "dryRun", dryRun,
          "name", r.profile() == null ? null : r.profile().name(),
          "report", r.report(), "problems", problems,
          "savedTo", savedTo == null ? null : savedTo.toString(),
          "secrets", secrets.stream().map(SecretMover.Outcome::message).toList())));
      return;
    }
    StringBuilder b = new StringBuilder(r.report().toText());
    if (!problems.isEmpty()) {
      b.append(r.ok() ? "Warnings:\n" : "Problems (nothing was saved):\n");
      problems.forEach(p -> b.append("  ").append(p).append('\n'));
    }
    secrets.forEach(s -> b.append(s.message()).append('\n'));
    if (savedTo != null) {
      b.append("Saved '").append(r.profile().name()).append("' to ").append(savedTo)
          .append('\n');
    } else if (dryRun && r.ok()) {
      b.append("Dry run: '").append(r.profile().name()).append("' can be imported; nothing "
          + "was saved.\n");
    }
    print(b.toString());
  }
}
