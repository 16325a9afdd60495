package dev.fulmar.profiles.imports;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.ArrayList;
import java.util.List;

/** Typed, null-tolerant reads from dd-plist dictionaries. */
final class Plists {
  private Plists() {}

  static String string(NSDictionary d, String key) {
    NSObject o = d == null ? null : d.objectForKey(key);
    return o instanceof NSString s ? s.getContent() : null;
  }

  static NSDictionary dict(NSDictionary d, String key) {
    NSObject o = d == null ? null : d.objectForKey(key);
    return o instanceof NSDictionary x ? x : null;
  }

  static Integer integer(NSDictionary d, String key) {
    NSObject o = d == null ? null : d.objectForKey(key);
    if (o instanceof NSNumber n) {
      return n.intValue();
    }
    if (o instanceof NSString s) {
      try {
        return Integer.parseInt(s.getContent().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Booleans appear as {@code <true/>} or as integers 0/1 in real profiles. */
  static boolean flag(NSDictionary d, String key) {
    NSObject o = d == null ? null : d.objectForKey(key);
    return o instanceof NSNumber n && n.boolValue();
  }

  static byte[] data(NSDictionary d, String key) {
    NSObject o = d == null ? null : d.objectForKey(key);
    return o instanceof NSData x ? x.bytes() : null;
  }

  static List<String> strings(NSDictionary d, String key) {
    List<String> out = new ArrayList<>();
    NSObject o = d == null ? null : d.objectForKey(key);
    if (o instanceof NSArray a) {
      for (NSObject item : a.getArray()) {
        if (item instanceof NSString s) {
          out.add(s.getContent());
        }
      }
    }
    return out;
  }

  static List<NSDictionary> dicts(NSDictionary d, String key) {
    List<NSDictionary> out = new ArrayList<>();
    NSObject o = d == null ? null : d.objectForKey(key);
    if (o instanceof NSArray a) {
      for (NSObject item : a.getArray()) {
        if (item instanceof NSDictionary x) {
          out.add(x);
        }
      }
    }
    return out;
  }
}
