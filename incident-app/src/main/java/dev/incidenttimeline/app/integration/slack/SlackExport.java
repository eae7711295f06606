package dev.incidenttimeline.app.integration.slack;

import dev.incidenttimeline.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Slack workspace export, read from its zip: {@code users.json}, {@code channels.json} (and {@code groups.json}
 * for private channels), and a folder per channel holding one {@code YYYY-MM-DD.json} array of messages per day. The
 * export may sit in a top folder inside the zip.
 */
final class SlackExport {

    /** One channel of the export. */
    record Channel(String id, String name) {
    }

    private final Map<String, byte[]> files;
    private final String root;
    private final JsonMapper json;

    private SlackExport(Map<String, byte[]> files, String root, JsonMapper json) {
        this.files = files;
        this.root = root;
        this.json = json;
    }

    static SlackExport read(InputStream zip, long maxBytes, JsonMapper json) {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            byte[] buffer = new byte[8192];
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int read = entries.read(buffer); read >= 0; read = entries.read(buffer)) {
                    total += read;
                    if (total > maxBytes) {
                        throw ApiProblem.invalidPayload("The export holds more than " + maxBytes
                                + " bytes of JSON; import a smaller one.");
                    }
                    content.write(buffer, 0, read);
                }
                files.put(entry.getName().replace('\\', '/'), content.toByteArray());
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            throw ApiProblem.invalidPayload("The file is not a readable zip archive (" + notAZip.getMessage() + ").");
        }
        String channels = files.keySet().stream().filter(name -> name.equals("channels.json")
                        || name.endsWith("/channels.json")).min(Comparator.comparingInt(String::length))
                .orElseThrow(() -> ApiProblem.invalidPayload(
                        "The zip is not a Slack workspace export: it has no channels.json."));
        return new SlackExport(files, channels.substring(0, channels.length() - "channels.json".length()), json);
    }

    /** The channel named (with or without {@code #}) or with this id. */
    Channel channel(String nameOrId) {
        String wanted = nameOrId.startsWith("#") ? nameOrId.substring(1) : nameOrId;
        for (String list : List.of("channels.json", "groups.json")) {
            for (JsonNode channel : array(list)) {
                String id = text(channel.path("id"));
                String name = text(channel.path("name"));
                if (wanted.equals(id) || wanted.equals(name)) {
                    return new Channel(id != null ? id : name, name != null ? name : id);
                }
            }
        }
        throw new ApiProblem(HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND",
                "The export has no channel " + nameOrId + " (looked in channels.json and groups.json).");
    }

    /** Display names by user id: the real name, else the display name, else the user name. */
    Map<String, String> userNames() {
        Map<String, String> names = new HashMap<>();
        for (JsonNode user : array("users.json")) {
            String id = text(user.path("id"));
            String name = firstOf(text(user.path("profile").path("real_name")), text(user.path("real_name")),
                    text(user.path("profile").path("display_name")), text(user.path("name")));
            if (id != null && name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    /** Every message of the channel, day file by day file. */
    List<JsonNode> messages(Channel channel) {
        String folder = root + channel.name() + "/";
        List<JsonNode> messages = new ArrayList<>();
        files.keySet().stream().filter(name -> name.startsWith(folder) && name.indexOf('/', folder.length()) < 0)
                .sorted().forEach(day -> array(day.substring(root.length())).forEach(messages::add));
        return messages;
    }

    private JsonNode array(String file) {
        byte[] content = files.get(root + file);
        if (content == null) {
            return json.createArrayNode();
        }
        try {
            JsonNode node = json.readTree(content);
            if (!node.isArray()) {
                throw ApiProblem.invalidPayload(file + " in the export is not a JSON array.");
            }
            return node;
        } catch (JacksonException notJson) {
            throw ApiProblem.invalidPayload(file + " in the export is not valid JSON.");
        }
    }

    static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
