package dev.fulmar.profiles.imports;

import com.dd.plist.NSDictionary;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.TrustedNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * Apple's on-demand rules, reduced to what Fulmar has: auto-connect, and trusted networks (rules
 * whose action is Disconnect or Ignore, matched by SSID or DNS domain).
 */
final class AppleOnDemand {
  private AppleOnDemand() {}

  static void apply(NSDictionary ike, Profile.Builder b, ReportBuilder rb) {
    if (!Plists.flag(ike, "OnDemandEnabled")) {
      return;
    }
    b.autoConnect(true);
    rb.mapped("IKEv2.OnDemandEnabled", "autoConnect");
    List<String> ssids = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    for (NSDictionary rule : Plists.dicts(ike, "OnDemandRules")) {
      String action = String.valueOf(Plists.string(rule, "Action"));
      if (action.equals("Disconnect") || action.equals("Ignore")) {
        ssids.addAll(Plists.strings(rule, "SSIDMatch"));
        suffixes.addAll(Plists.strings(rule, "DNSDomainMatch"));
      } else if (!action.equals("Connect")) {
        rb.dropped(
            "OnDemandRules Action " + action,
            "only Connect, Disconnect and Ignore rules have a Fulmar equivalent");
      }
    }
    if (!ssids.isEmpty() || !suffixes.isEmpty()) {
      b.trustedNetworks(new TrustedNetworks(ssids, suffixes));
      rb.mapped("OnDemandRules (Disconnect: SSIDMatch, DNSDomainMatch)", "trustedNetworks");
    }
  }
}
