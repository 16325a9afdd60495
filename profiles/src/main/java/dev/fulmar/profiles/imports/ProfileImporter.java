package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretMover;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StoredProfile;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.ProfileValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for every command that takes a profile file ({@code fulmar import}, {@code
 * connect}, {@code diagnose}, {@code fulmard run}, the app's import): detects the format by content
 * (never by file name: Fulmar and Shrew Soft files share {@code .vpn}), converts, validates and
 * reports.
 */
public final class ProfileImporter {
  /** Largest file accepted. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ProfileImporter.class);
  private static final List<FormatImporter> IMPORTERS =
      List.of(
          new FulmarImporter(),
          new MobileconfigImporter(),
          new SswanImporter(),
          new ProfileXmlImporter(),
          new PbkImporter(),
          new SwanctlImporter(),
          new ShrewImporter());

  private ProfileImporter() {}

  /** Reads and imports a file; the file name only serves as a fallback profile name. */
  public static ImportResult importFile(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      return unreadable("the file is " + size / 1024 + " KiB, too large for a profile");
    }
    byte[] data;
    try (InputStream in = Files.newInputStream(file)) {
      data = in.readNBytes(MAX_BYTES + 1);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return importBytes(data, dot > 0 ? name.substring(0, dot) : name);
  }

  /** Imports file content. Never throws on bad input: problems are in the result. */
  public static ImportResult importBytes(byte[] data, String nameHint) {
    if (data.length > MAX_BYTES) {
      return unreadable("the file is too large for a profile");
    }
    String text = TextDecoding.decode(data);
    for (FormatImporter importer : IMPORTERS) {
      if (importer.detects(data, text)) {
        return finish(importer.read(data, text, nameHint == null ? "" : nameHint));
      }
    }
    return unreadable(
        "this file is not a profile Fulmar can import. Accepted: "
            + Arrays.stream(Format.values())
                .map(Format::description)
                .collect(Collectors.joining("; ")));
  }

  /** The format of the content, if it is one Fulmar reads. */
  public static Optional<Format> detect(byte[] data) {
    String text = TextDecoding.decode(data);
    return IMPORTERS.stream()
        .filter(i -> i.detects(data, text))
        .map(FormatImporter::format)
        .findFirst();
  }

  /** The result of {@link #save}: the stored profile and where each secret went. */
  public record SaveOutcome(StoredProfile stored, List<SecretMover.Outcome> secrets) {}

  /**
   * Stores an imported profile and moves the file's secrets into {@code secrets} (or drops them
   * when no keychain is available, saying so). Wipes the result's secrets in every case.
   *
   * @throws StoreException when the profile has errors, its name is taken, or writing fails
   */
  public static SaveOutcome save(ImportResult result, ProfileStore store, SecretStore secrets)
      throws StoreException {
    try {
      if (result.profile() == null) {
        throw new StoreException(
            StoreException.Reason.INVALID,
            "nothing to save: the file was not imported",
            result.problems(),
            null);
      }
      StoredProfile stored = store.save(result.profile());
      List<SecretMover.Outcome> moved =
          SecretMover.moveAll(result.secrets(), secrets, result.profile().id());
      LOG.info(
          "imported profile '{}' ({}) from {}; secrets: {}",
          stored.profile().name(),
          stored.profile().id(),
          result.format().description(),
          moved.stream().map(o -> o.kind() + (o.stored() ? " kept" : " not kept")).toList());
      return new SaveOutcome(stored, moved);
    } finally {
      result.secrets().close();
    }
  }

  /**
   * The import completed by the user with what the file could not carry (a user name, the client
   * certificate, a CA certificate): the edited profile validated again, and the report with the
   * user's additions among the mappings and without the needs they met. The file's secrets stay
   * with the result.
   *
   * @param supplied what the user gave and the profile field it became, for the report
   * @throws IllegalArgumentException when {@code original} holds no profile
   */
  public static ImportResult revise(
      ImportResult original, Profile edited, List<ImportReport.Mapping> supplied) {
    if (original.profile() == null) {
      throw new IllegalArgumentException("nothing was imported, so nothing can be completed");
    }
    List<Problem> before = ProfileValidator.validate(original.profile());
    List<Problem> problems = new ArrayList<>();
    for (Problem p : original.problems()) {
      if (before.stream().noneMatch(b -> sameProblem(b, p))) {
        problems.add(p);
      }
    }
    for (Problem p : ProfileValidator.validate(edited)) {
      if (problems.stream().noneMatch(q -> sameProblem(q, p))) {
        problems.add(p);
      }
    }
    List<String> metBefore = new ArrayList<>();
    addSecretNeeds(original.profile(), original.secrets(), metBefore);
    List<String> supply = new ArrayList<>(original.report().mustSupply());
    supply.removeAll(metBefore);
    if (edited.trust().caCertificates().size() > original.profile().trust().caCertificates().size()) {
      supply.removeIf(s -> s.startsWith("the CA certificate"));
    }
    addSecretNeeds(edited, original.secrets(), supply);
    List<ImportReport.Mapping> mapped = new ArrayList<>(original.report().mapped());
    mapped.addAll(supplied);
    ImportReport r = original.report();
    return new ImportResult(
        original.format(),
        edited,
        new ImportReport(r.format(), mapped, r.dropped(), supply, r.notes()),
        problems,
        original.secrets());
  }

  private static boolean sameProblem(Problem a, Problem b) {
    return a.severity() == b.severity() && a.path().equals(b.path())
        && a.message().equals(b.message());
  }

  private static ImportResult finish(ImportResult r) {
    if (r.profile() == null) {
      return r;
    }
    List<Problem> problems = new ArrayList<>(r.problems());
    for (Problem p : ProfileValidator.validate(r.profile())) {
      if (problems.stream()
          .noneMatch(
              q -> q.path().equals(p.path()) && (q.isError() || q.message().equals(p.message())))) {
        problems.add(p);
      }
    }
    List<String> supply = new ArrayList<>(r.report().mustSupply());
    addSecretNeeds(r.profile(), r.secrets(), supply);
    ImportReport report =
        new ImportReport(
            r.format(), r.report().mapped(), r.report().dropped(), supply, r.report().notes());
    return new ImportResult(r.format(), r.profile(), report, problems, r.secrets());
  }

  private static void addSecretNeeds(Profile p, SecretBundle have, List<String> supply) {
    Authentication a = p.auth();
    if (a.usesCertificate() && a.pkcs12().isEmpty()) {
      add(supply, "the client certificate and key as a PKCS#12 file");
    }
    Authentication.PasswordEap pe = a.passwordRound().orElse(null);
    if (pe != null && (pe.username() == null || pe.username().isBlank())) {
      add(supply, "your user name for " + pe.eap().keyword());
    }
    for (SecretKind kind : SecretKind.requiredBy(a)) {
      if (!have.contains(kind)) {
        add(supply, switch (kind) {
          case PKCS12_PASSWORD -> "the PKCS#12 password (asked when you connect; ask your"
              + " administrator if you do not know it)";
          case EAP_PASSWORD -> "your password (asked when you connect)";
          case PSK -> "the pre-shared key (asked when you connect)";
        });
      }
    }
  }

  private static void add(List<String> list, String item) {
    if (!list.contains(item)) {
      list.add(item);
    }
  }

  private static ImportResult unreadable(String message) {
    return new ImportResult(
        null,
        null,
        new ReportBuilder().build(null),
        List.of(Problem.error("", message)),
        SecretBundle.empty());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
