package dev.incidenttimeline.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the read models share when a person is erased ({@link dev.incidenttimeline.privacy.Erasure}): which incidents
 * an organisation's are, and how a name inside a generated text ("Acknowledged by Alice") becomes the pseudonym.
 */
public final class ErasedNames {

    private ErasedNames() {
    }

    /**
     * A condition on {@code incident_id} selecting the incidents of {@code organisation} ({@code null}: without one),
     * as the incident summaries know them; bind {@link #organisationParameters(String)} after it.
     */
    public static String incidentsOf(String organisation) {
        return organisation == null
                ? "incident_id in (select incident_id from incident_summary where organisation is null)"
                : "incident_id in (select incident_id from incident_summary where organisation = ?)";
    }

    /** The parameters {@link #incidentsOf(String)} needs. */
    public static Object[] organisationParameters(String organisation) {
        return organisation == null ? new Object[0] : new Object[] {organisation};
    }

    /**
     * The text with every whole occurrence of {@code name} replaced: an occurrence inside a longer word or name
     * ("Al" in "Alice") is kept, since it is another person's name.
     */
    public static String replaceName(String text, String name, String pseudonym) {
        if (text == null || name.isEmpty()) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean whole = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (whole && at >= from) {
                result.append(text, from, at).append(pseudonym);
                from = end;
            }
        }
        return result.append(text.substring(from)).toString();
    }

    /**
     * Replaces the name in the generated texts of the rows {@code select} finds (the text, then the columns of the
     * row's key), writing each changed text with {@code update} (parameters: the new text, then the key's values);
     * returns how many rows changed.
     */
    public static long replaceInTexts(JdbcTemplate jdbc, String select, Object[] parameters, String update,
                                      String name, String pseudonym) {
        List<Object[]> changed = new ArrayList<>();
        jdbc.query(select, rs -> {
            String text = rs.getString(1);
            String replaced = replaceName(text, name, pseudonym);
            if (!replaced.equals(text)) {
                int columns = rs.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                row[0] = replaced;
                for (int column = 2; column <= columns; column++) {
                    row[column - 1] = rs.getObject(column);
                }
                changed.add(row);
            }
        }, parameters);
        jdbc.batchUpdate(update, changed);
        return changed.size();
    }
}
