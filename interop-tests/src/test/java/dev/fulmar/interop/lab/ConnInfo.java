package dev.fulmar.interop.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * A loaded connection as charon lists it over VICI ({@code list-conn} event).
 *
 * @param children the names of its CHILD_SA configurations
 */
public record ConnInfo(String name, List<String> localAddrs, List<String> remoteAddrs,
    String version, List<String> children, ViciMessage raw) {

  static ConnInfo parse(String name, ViciMessage m) {
    List<String> children = new ArrayList<>();
    ViciMessage c = m.section("children");
    if (c != null) {
      children.addAll(c.keys());
    }
    return new ConnInfo(name, m.list("local_addrs"), m.list("remote_addrs"), m.get("version"),
        List.copyOf(children), m);
  }
}
