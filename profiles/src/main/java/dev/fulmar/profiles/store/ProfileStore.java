package dev.fulmar.profiles.store;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.codec.ReadResult;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.ProfileValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The user's profiles (one {@code <id>.vpn} file each in the user's config directory) and the
 * admin's read-only system profiles. A profile that fails validation is never stored; names are
 * unique (case-insensitively) across both; every write is atomic, so a crash leaves the old profile
 * or the new one, never a part.
 */
public final class ProfileStore {
  private static final long MAX_FILES = 10_000;
  private final StorePaths paths;
  private final AtomicFiles.Mover mover;

  public ProfileStore(StorePaths paths) {
    this(paths, AtomicFiles.RENAME);
  }

  ProfileStore(StorePaths paths, AtomicFiles.Mover mover) {
    this.paths = paths;
    this.mover = mover;
  }

  public static ProfileStore forCurrentUser() {
    return new ProfileStore(StorePaths.forCurrentUser());
  }

  public StorePaths paths() {
    return paths;
  }

  /** Every profile (system ones first, then the user's), and the files that failed to load. */
  public Listing list() throws StoreException {
    List<StoredProfile> found = new ArrayList<>();
    List<BrokenFile> broken = new ArrayList<>();
    for (Path dir : paths.systemDirs()) {
      load(dir, StoredProfile.Source.SYSTEM, found, broken);
    }
    load(paths.userDir(), StoredProfile.Source.USER, found, broken);
    return new Listing(found, broken);
  }

  /** The profile with this name (case-insensitive), if any. */
  public Optional<StoredProfile> findByName(String name) throws StoreException {
    return list().profiles().stream().filter(p -> sameName(p.profile().name(), name)).findFirst();
  }

  public Optional<StoredProfile> findById(UUID id) throws StoreException {
    return list().profiles().stream().filter(p -> p.profile().id().equals(id)).findFirst();
  }

  /**
   * Validates and stores a user profile, replacing the stored profile with the same id.
   *
   * @throws StoreException INVALID (with the problems), NAME_TAKEN, READ_ONLY (the id belongs to a
   *     system profile) or IO
   */
  public StoredProfile save(Profile profile) throws StoreException {
    List<Problem> problems = ProfileValidator.validate(profile);
    if (ProfileValidator.hasErrors(problems)) {
      throw new StoreException(
          StoreException.Reason.INVALID,
          "the profile '" + profile.name() + "' has errors and was not saved",
          problems,
          null);
    }
    for (StoredProfile other : list().profiles()) {
      boolean sameId = other.profile().id().equals(profile.id());
      if (sameId && other.readOnly()) {
        throw new StoreException(
            StoreException.Reason.READ_ONLY,
            "'"
                + other.profile().name()
                + "' is a system profile provisioned by your administrator and cannot be changed");
      }
      if (!sameId && sameName(other.profile().name(), profile.name())) {
        throw new StoreException(
            StoreException.Reason.NAME_TAKEN,
            "a profile named '" + other.profile().name() + "' already exists: choose another name");
      }
    }
    Path file = fileFor(profile.id());
    try {
      AtomicFiles.write(file, ProfileCodec.write(profile).getBytes(StandardCharsets.UTF_8), mover);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.IO,
          "could not write " + file + ": " + e.getMessage(),
          List.of(),
          e);
    }
    return new StoredProfile(profile, StoredProfile.Source.USER, file);
  }

  /** Deletes a user profile. */
  public void delete(UUID id) throws StoreException {
    StoredProfile p =
        findById(id)
            .orElseThrow(
                () ->
                    new StoreException(
                        StoreException.Reason.NOT_FOUND, "no profile with id " + id));
    if (p.readOnly()) {
      throw new StoreException(
          StoreException.Reason.READ_ONLY,
          "'"
              + p.profile().name()
              + "' is a system profile provisioned by your administrator and cannot be deleted");
    }
    try {
      Files.deleteIfExists(p.file());
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.IO,
          "could not delete " + p.file() + ": " + e.getMessage(),
          List.of(),
          e);
    }
  }

  Path fileFor(UUID id) {
    return paths.userDir().resolve(id + ".vpn");
  }

  private static boolean sameName(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  private void load(
      Path dir, StoredProfile.Source source, List<StoredProfile> found, List<BrokenFile> broken)
      throws StoreException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.vpn")) {
      for (Path f : ds) {
        if (files.size() >= MAX_FILES) {
          break;
        }
        files.add(f);
      }
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Reason.IO, "could not list " + dir + ": " + e.getMessage(), List.of(), e);
    }
    files.sort(Comparator.naturalOrder());
    for (Path f : files) {
      try {
        if (Files.size(f) > ProfileCodec.MAX_BYTES) {
          broken.add(
              new BrokenFile(f, List.of(Problem.error("", "the file is too large for a profile"))));
          continue;
        }
        ReadResult r = ProfileCodec.read(Files.readAllBytes(f));
        if (r.ok()) {
          r.secrets().close();
          found.add(new StoredProfile(r.profile(), source, f));
        } else {
          broken.add(new BrokenFile(f, r.errors()));
        }
      } catch (IOException e) {
        broken.add(
            new BrokenFile(f, List.of(Problem.error("", "could not read: " + e.getMessage()))));
      }
    }
  }
}
