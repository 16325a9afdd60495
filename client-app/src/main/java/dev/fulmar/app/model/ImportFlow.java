package dev.fulmar.app.model;

import dev.fulmar.app.files.ReferencedFiles;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.store.ProfileStore;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.validate.Problem;
import dev.fulmar.profiles.validate.ProfileValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Profiles on this computer: importing a file (the report is shown before anything is saved),
 * saving an import, saving a changed profile, deleting one. File and keychain work runs on the
 * {@code io} executor; results come back on the UI thread.
 */
final class ImportFlow {
  private final AppState state;
  private final ProfileStore store;
  private final Keychain keychain;
  private final UserPrompts prompts;
  private final Executor io;
  private final Executor ui;

  ImportFlow(AppState state, ProfileStore store, Keychain keychain, UserPrompts prompts,
      Executor io, Executor ui) {
    this.state = state;
    this.store = store;
    this.keychain = keychain;
    this.prompts = prompts;
    this.io = io;
    this.ui = ui;
  }

  /**
   * Reads {@code file} and shows its import report; with {@code saveWhenClean} a file without
   * problems is saved at once (the first-run demo).
   */
  void importFile(Path file, boolean saveWhenClean) {
    CompletableFuture.supplyAsync(() -> {
      try {
        return withAbsolutePaths(ProfileImporter.importFile(file), file);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((result, err) -> {
      if (err != null) {
        Throwable e = Notices.unwrap(err);
        state.noticeProperty().set(Notice.error("import.readFailed", String.valueOf(file),
            String.valueOf(e.getMessage())));
      } else if (saveWhenClean && result.ok() && result.problems().isEmpty()) {
        save(result).whenComplete((o, e) -> {
          if (e != null) {
            state.noticeProperty().set(Notice.error("import.saveFailed",
                String.valueOf(Notices.unwrap(e).getMessage())));
          }
        });
      } else {
        prompts.showImport(file, result);
      }
    }, ui);
  }

  /**
   * The import with the files its profile names made absolute against the imported file's
   * directory: the profile is stored elsewhere, and its files are embedded when it is sent.
   */
  static ImportResult withAbsolutePaths(ImportResult r, Path file) {
    if (r.profile() == null || !ReferencedFiles.hasReferences(r.profile())) {
      return r;
    }
    return new ImportResult(r.format(), ReferencedFiles.absolute(r.profile(),
        file.toAbsolutePath().getParent()), r.report(), r.problems(), r.secrets());
  }

  /**
   * The import with the user's changes (a new name, a user name, a certificate file): the
   * importer's own problems stay, the profile is validated again.
   */
  static ImportResult revise(ImportResult original, Profile edited) {
    List<Problem> before = original.profile() == null ? List.of()
        : ProfileValidator.validate(original.profile());
    List<Problem> problems = new ArrayList<>();
    for (Problem p : original.problems()) {
      if (!before.contains(p) && !fixedBy(p, edited)) {
        problems.add(p);
      }
    }
    problems.addAll(ProfileValidator.validate(edited));
    return new ImportResult(original.format(), edited, original.report(), problems,
        original.secrets());
  }

  private static boolean fixedBy(Problem p, Profile edited) {
    String path = p.path();
    if (path.endsWith(".username")) {
      String u = ProfileEdits.username(edited);
      return u != null && !u.isBlank();
    }
    if (path.endsWith(".pkcs12")) {
      return ProfileEdits.certificate(edited.auth()) != null;
    }
    return false;
  }

  /** Saves an import; completes on the UI thread with the saved profile's name. */
  CompletableFuture<ProfileImporter.SaveOutcome> save(ImportResult result) {
    return keychain.store().thenApplyAsync(secrets -> {
      try {
        // the importer wipes the file's secrets whatever happens: refuse a taken name before,
        // so that the user can rename and save again without losing them
        Profile p = result.profile();
        if (p != null) {
          var same = store.findByName(p.name());
          if (same.isPresent() && !same.get().profile().id().equals(p.id())) {
            throw new StoreException(StoreException.Reason.NAME_TAKEN, "a profile named '"
                + same.get().profile().name() + "' already exists: choose another name");
          }
        }
        return ProfileImporter.save(result, store, secrets);
      } catch (StoreException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((outcome, err) -> {
      if (err == null) {
        String id = outcome.stored().profile().id().toString();
        reload(id);
        state.noticeProperty().set(new Notice(Notice.Kind.INFO, "import.saved",
            List.of(outcome.stored().profile().name()),
            outcome.secrets().stream().map(o -> o.message()).toList()));
      }
    }, ui);
  }

  /** Saves a changed user profile (errors become a notice). */
  void saveProfile(Profile p) {
    CompletableFuture.runAsync(() -> {
      try {
        store.save(p);
      } catch (StoreException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((ok, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notice.error("import.saveFailed",
            String.valueOf(Notices.unwrap(err).getMessage())));
      } else {
        reload(p.id().toString());
      }
    }, ui);
  }

  /** Deletes a user profile and its remembered secrets. */
  void delete(ProfileEntry e) {
    if (e.system() || e.uuid().isEmpty()) {
      return;
    }
    UUID id = e.uuid().get();
    CompletableFuture.runAsync(() -> {
      try {
        store.delete(id);
      } catch (StoreException ex) {
        throw new CompletionException(ex);
      }
    }, io).thenCompose(x -> keychain.deleteAll(id)).whenCompleteAsync((ok, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notice.error("request.other",
            String.valueOf(Notices.unwrap(err).getMessage())));
      }
      reload(null);
    }, ui);
  }

  /** Lists the store again; selects {@code selectId} (or keeps the selection). */
  void reload(String selectId) {
    CompletableFuture.supplyAsync(() -> {
      try {
        return store.list();
      } catch (StoreException e) {
        throw new CompletionException(e);
      }
    }, io).whenCompleteAsync((listing, err) -> {
      if (err != null) {
        state.noticeProperty().set(Notice.error("profiles.error",
            String.valueOf(Notices.unwrap(err).getMessage())));
        return;
      }
      state.profiles().setLocal(listing);
      reselect(selectId);
    }, ui);
  }

  /** Selects {@code id}, else keeps the current selection if it still exists, else the first. */
  void reselect(String id) {
    ProfilesModel m = state.profiles();
    ProfileEntry current = state.selectedProperty().get();
    ProfileEntry pick = id == null ? null : m.byId(id).orElse(null);
    if (pick == null && current != null) {
      pick = m.byId(current.id()).orElse(null);
    }
    if (pick == null) {
      pick = m.byId(state.settings().lastProfile()).orElse(
          m.entries().isEmpty() ? null : m.entries().get(0));
    }
    state.selectedProperty().set(pick);
  }
}
