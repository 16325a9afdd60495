package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.profiles.store.Listing;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StoredProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the profiles: yours, the system's, and those you sent to the helper. "
        + "Works without the helper (then only the profiles on this computer).")
final class ListCommand extends BaseCommand {

  /** One row of the listing. */
  record Entry(String name, String source, String gateway, String auth, String id) { }

  @Override
  int run() throws CliException {
    Map<String, Entry> byId = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    local(byId, notes);
    try (ControlClient c = open(null)) {
      for (ProfileSummary s : c.listProfiles().profiles()) {
        byId.putIfAbsent(s.id(), new Entry(s.name(), s.source().name().toLowerCase(Locale.ROOT),
            s.gateway(), s.auth(), s.id()));
      }
    } catch (CliException e) {
      if (e.exitCode() != ExitCode.HELPER_NOT_RUNNING) {
        throw e;
      }
      notes.add("the helper is not running: only the profiles on this computer are listed");
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
    notes.forEach(n -> env().err().println("note: " + n));
    if (json) {
      print(JsonOut.of(JsonOut.object("ok", true, "profiles", List.copyOf(byId.values()))));
    } else if (byId.isEmpty()) {
      print("No profiles yet. Import one with: fulmar import FILE");
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NAME", "SOURCE", "GATEWAY", "AUTH"});
      byId.values().forEach(e -> rows.add(new String[] {e.name(), e.source(), e.gateway(),
          e.auth()}));
      print(Human.table(rows));
    }
    return ExitCode.OK;
  }

  private void local(Map<String, Entry> byId, List<String> notes) {
    try {
      Listing l = env().store().get().list();
      for (StoredProfile p : l.profiles()) {
        String id = p.profile().id().toString();
        byId.put(id, new Entry(p.profile().name(), p.readOnly() ? "system" : "user",
            p.profile().gateways().isEmpty() ? null : p.profile().gateway().host(),
            p.profile().auth().method(), id));
      }
      l.broken().forEach(b -> notes.add(b.file() + " was skipped: " + b.problems().stream()
          .map(Object::toString).reduce((x, y) -> x + "; " + y).orElse("unreadable")));
    } catch (StoreException e) {
      notes.add(e.getMessage());
    }
  }
}
