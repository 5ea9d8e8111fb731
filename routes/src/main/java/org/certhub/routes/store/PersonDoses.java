package org.certhub.routes.store;

import java.util.List;
import org.certhub.model.Certificate;
import org.certhub.model.VaccinationEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The other doses the hub holds for the person of an event: the events of the same {@link PersonKeys person key}
 * and programme whose current certificate stands (issued, not revoked or superseded), as certified.
 */
@Repository
public class PersonDoses {

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelJson json;

    public PersonDoses(NamedParameterJdbcTemplate jdbc, ModelJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The certified doses of the event's person and programme, other than the event's own. */
    public List<VaccinationEvent> othersOf(String eventId) {
        return jdbc.query(
                """
                SELECT c.payload FROM vaccination_event me
                  JOIN vaccination_event e ON e.person_key = me.person_key AND e.programme_id = me.programme_id
                                          AND e.id <> me.id
                  JOIN certificate c ON c.event_id = e.id AND c.status = 'ISSUED'
                 WHERE me.id = :event""",
                new MapSqlParameterSource("event", eventId),
                (rs, row) ->
                        json.read(rs.getString("payload"), Certificate.class).event());
    }
}
