package org.propertydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a person reads exists in Chinese and in English: both bundles hold the same keys, and every key the
 * templates and the code name is in both. A missing key shows "??key_zh_CN??" to a user, or fails the page.
 * Reads the source files directly; no Spring needed.
 */
class MessagesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");
    static final Path JAVA = Path.of("src/main/java");

    /** Each bundle's base name: messages, plus any under i18n/ (imports, …). */
    static Stream<String> bundles() throws IOException {
        List<String> names = new ArrayList<>(List.of("messages"));
        Path i18n = RESOURCES.resolve("i18n");
        if (Files.isDirectory(i18n)) {
            try (Stream<Path> files = Files.list(i18n)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith("_zh_CN.properties"))
                        .map(name -> "i18n/" + name.substring(0, name.length() - "_zh_CN.properties".length()))
                        .sorted()
                        .forEach(names::add);
            }
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void chineseAndEnglishHoldExactlyTheSameKeys(String bundle) throws IOException {
        Set<String> chinese = load(bundle + "_zh_CN").keySet();
        Set<String> english = load(bundle + "_en").keySet();

        assertThat(difference(chinese, english)).as("keys only in %s_zh_CN.properties", bundle).isEmpty();
        assertThat(difference(english, chinese)).as("keys only in %s_en.properties", bundle).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void noMessageIsEmpty(String bundle) throws IOException {
        for (String language : List.of("_zh_CN", "_en")) {
            assertThat(load(bundle + language)).as(bundle + language).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void bothLanguagesTakeTheSameArguments(String bundle) throws IOException {
        // "{0}" in Chinese but not in English means one language silently drops what the other shows.
        Map<String, String> chinese = load(bundle + "_zh_CN");
        Map<String, String> english = load(bundle + "_en");
        chinese.forEach((key, text) -> {
            if (english.containsKey(key)) {
                assertThat(arguments(english.get(key))).as(key).isEqualTo(arguments(text));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void messagesWithArgumentsAreValidMessageFormats(String bundle) throws IOException {
        // With arguments, a single apostrophe starts a quoted section and swallows text ("Don't {0}" shows "Dont {0}").
        for (String language : List.of("_zh_CN", "_en")) {
            load(bundle + language).forEach((key, text) -> {
                if (!arguments(text).isEmpty()) {
                    String shown = new MessageFormat(text).format(new Object[] {1, 2, 3, 4, 5});
                    assertThat(shown).as("%s%s: %s", bundle, language, key).doesNotContain("{");
                    assertThat(text.replace("''", "")).as("%s%s: %s has an unpaired apostrophe", bundle, language, key)
                            .doesNotContain("'");
                }
            });
        }
    }

    @Test
    void everyKeyTheTemplatesNameExistsInBothLanguages() throws IOException {
        Set<String> keys = templateKeys();
        assertThat(keys).as("the templates name message keys").isNotEmpty();

        assertThat(difference(keys, allKeys("_zh_CN"))).as("keys used in templates but missing in Chinese").isEmpty();
        assertThat(difference(keys, allKeys("_en"))).as("keys used in templates but missing in English").isEmpty();
    }

    @Test
    void everyPrefixTheTemplatesCompleteWithAValueHasMessages() throws IOException {
        // #{'houseStatus.' + ${house.status}}: the key depends on the value, so check the known value sets in full.
        Map<String, String> enums = Map.ofEntries(
                Map.entry("propertyType.", "org.propertydesk.records.PropertyType"),
                Map.entry("houseUse.", "org.propertydesk.records.HouseUse"),
                Map.entry("houseStatus.", "org.propertydesk.records.HouseStatus"),
                Map.entry("historyKind.", "org.propertydesk.records.HistoryKind"),
                Map.entry("customerType.", "org.propertydesk.records.CustomerType"),
                Map.entry("valueTier.", "org.propertydesk.records.ValueTier"),
                Map.entry("disposition.", "org.propertydesk.records.Disposition"),
                Map.entry("careFlag.", "org.propertydesk.records.CareFlag"),
                Map.entry("occupancyRole.", "org.propertydesk.records.OccupancyRole"),
                Map.entry("channel.", "org.propertydesk.records.CommunicationChannel"),
                Map.entry("direction.", "org.propertydesk.records.Direction"),
                Map.entry("role.", "org.propertydesk.shared.security.Role"),
                Map.entry("lookup.reason.", "org.propertydesk.records.CallerLookup$MatchReason"));
        Set<String> chinese = allKeys("_zh_CN");
        Set<String> english = allKeys("_en");

        for (String prefix : templatePrefixes()) {
            String enumType = enums.get(prefix);
            if (enumType == null) {
                // A prefix of another module: at least some values of it must be translated.
                assertThat(chinese).as("keys starting with %s", prefix).anyMatch(key -> key.startsWith(prefix));
                continue;
            }
            for (Object value : enumConstants(enumType)) {
                assertThat(chinese).as("zh_CN").contains(prefix + value);
                assertThat(english).as("en").contains(prefix + value);
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
        Set<String> keys = javaKeys();
        assertThat(keys).as("the code names message keys").isNotEmpty();

        assertThat(difference(keys, allKeys("_zh_CN"))).as("keys used in code but missing in Chinese").isEmpty();
        assertThat(difference(keys, allKeys("_en"))).as("keys used in code but missing in English").isEmpty();
    }

    // ---- reading the sources --------------------------------------------------------------------------------------

    /** #{key}, #{key(args)} and #messages.msg('key'), where the key is written out. */
    private static Set<String> templateKeys() throws IOException {
        Pattern literal = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[(}]");
        Pattern msg = Pattern.compile("#messages\\.msg(?:WithParams)?\\('([A-Za-z][A-Za-z0-9_.]*)'\\s*[,)]");
        Set<String> keys = new TreeSet<>();
        for (String template : templates()) {
            collect(literal, template, keys);
            collect(msg, template, keys);
        }
        return keys;
    }

    /** The 'prefix.' of #{'prefix.' + ${value}} and #messages.msg('prefix.' + value). */
    private static Set<String> templatePrefixes() throws IOException {
        Pattern prefixed = Pattern.compile("#\\{'([A-Za-z][A-Za-z0-9_.]*\\.)'\\s*\\+");
        Pattern msgPrefixed = Pattern.compile("#messages\\.msg(?:WithParams)?\\('([A-Za-z][A-Za-z0-9_.]*\\.)'\\s*\\+");
        Set<String> prefixes = new TreeSet<>();
        for (String template : templates()) {
            collect(prefixed, template, prefixes);
            collect(msgPrefixed, template, prefixes);
        }
        return prefixes;
    }

    /** Keys handed to the page by code: flash messages, field and form errors, refusals, validation messages. */
    private static Set<String> javaKeys() throws IOException {
        List<Pattern> patterns = List.of(
                Pattern.compile("Flash\\.(?:success|error)\\(\\s*\\w+,\\s*\"([^\"]+)\""),
                Pattern.compile("rejectValue\\(\\s*\"[^\"]*\",\\s*\"([^\"]+)\""),
                Pattern.compile("\\.reject\\(\\s*\"([^\"]+)\""),
                Pattern.compile("new BusinessRuleException\\(\\s*\"([^\"]+)\""),
                Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)}\""),
                Pattern.compile("backWith\\(\\s*\\w+,\\s*\"([^\"]+)\""));
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : patterns) {
                    collect(pattern, source, keys);
                }
            }
        }
        // Bean Validation's own default keys resolve from its bundle, not ours.
        keys.removeIf(key -> key.startsWith("jakarta.validation.") || key.startsWith("org.hibernate.validator."));
        return keys;
    }

    private static List<String> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<String> contents = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                contents.add(Files.readString(file));
            }
            return contents;
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> allKeys(String language) throws IOException {
        Set<String> keys = new TreeSet<>(load("messages").keySet()); // language-neutral texts count for both
        for (String bundle : bundles().toList()) {
            keys.addAll(load(bundle + language).keySet());
        }
        return keys;
    }

    private static Map<String, String> load(String name) throws IOException {
        Path file = RESOURCES.resolve(name + ".properties");
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        collect(Pattern.compile("\\{(\\d+)[^}]*}"), text, found);
        return found;
    }

    private static Object[] enumConstants(String className) {
        try {
            return Class.forName(className).getEnumConstants();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Enum " + className + " moved: update this test's list", e);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
