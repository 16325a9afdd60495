package dev.fulmar.app.model;

import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.profiles.store.BrokenFile;
import dev.fulmar.profiles.store.Listing;
import dev.fulmar.profiles.store.StoredProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profiles the user can connect with: the system profiles the helper knows (read-only)
 * first, then the user's own from the local store; system profiles the helper does not list but
 * that are readable locally are shown too. Names are unique: the first one wins. Confined to the
 * UI thread.
 */
public final class ProfilesModel {
  private final ObservableList<ProfileEntry> entries = FXCollections.observableArrayList();
  private final ObservableList<BrokenFile> broken = FXCollections.observableArrayList();
  private List<StoredProfile> local = List.of();
  private List<ProfileSummary> helper = List.of();
  private final javafx.beans.property.ReadOnlyBooleanWrapper loaded =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);

  /** Whether the local store was listed at least once (before that, "empty" means "unknown"). */
  public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  public ObservableList<ProfileEntry> entries() {
    return entries;
  }

  /** Profile files that could not be loaded, with the reasons. */
  public ObservableList<BrokenFile> broken() {
    return broken;
  }

  /** Takes what the local store lists. */
  public void setLocal(Listing listing) {
    local = listing.profiles();
    broken.setAll(listing.broken());
    merge();
    loaded.set(true);
  }

  /** Takes what the helper lists (its system profiles; profiles sent by clients are skipped). */
  public void setHelper(List<ProfileSummary> summaries) {
    helper = summaries.stream().filter(ProfileSummary::readOnly).toList();
    merge();
  }

  /** The entry with this name, if any. */
  public Optional<ProfileEntry> byName(String name) {
    return entries.stream().filter(e -> e.hasName(name)).findFirst();
  }

  /** The entry with this id, if any. */
  public Optional<ProfileEntry> byId(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private void merge() {
    List<ProfileEntry> system = new ArrayList<>();
    List<ProfileEntry> user = new ArrayList<>();
    for (ProfileSummary s : helper) {
      StoredProfile readable = local.stream()
          .filter(p -> p.profile().id().toString().equals(s.id())).findFirst().orElse(null);
      system.add(new ProfileEntry(s.id(), s.name(), s.gateway(), s.auth(), true,
          readable == null ? null : readable.profile()));
    }
    for (StoredProfile p : local) {
      ProfileEntry e = new ProfileEntry(p.profile().id().toString(), p.profile().name(),
          p.profile().gateways().isEmpty() ? "" : p.profile().gateway().host(),
          p.profile().auth() == null ? "" : p.profile().auth().method(), p.readOnly(),
          p.profile());
      (p.readOnly() ? system : user).add(e);
    }
    Comparator<ProfileEntry> byName = Comparator.comparing(e -> ProfileEntry.key(e.name()));
    system.sort(byName);
    user.sort(byName);
    List<ProfileEntry> merged = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (List<ProfileEntry> group : List.of(system, user)) {
      for (ProfileEntry e : group) {
        if (ids.add(e.id()) && names.add(ProfileEntry.key(e.name()))) {
          merged.add(e);
        }
      }
    }
    if (!merged.equals(entries)) {
      entries.setAll(merged);
    }
  }
}
