"""Rule family: events — dates, location, inCountry, sessions, participants, concerns.

Reads what ``kg_events`` left in ``doc.user_data["kg_events"]`` and the mention
spans of ``doc.spans["kg"]``. Every relation between two entities carries the
sentence it was read from. One module a family of reading:

- ``meetings``: dates, places, inCountry, concerns, sessions
- ``participation``: who takes part as a sentence states it (with ``parties``: who may
  be a party, and ``scope``: which meeting the sentence speaks of)
- ``news``: participation as news items state it (journeys, statements, presence, openers, arrivals)
- ``acts``: hosting, chairing and the other acts only those at a meeting perform
- ``speakers``: speakers, briefers, persons sent, format partners, guests of a sitting, the signatory
- ``operation_mentions``: who takes part in an operation and where it is
- ``common``: the word lists and shared token helpers
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.events.acts import _meeting_acts
from kg.extract.events.meetings import _concerns, _dates_and_places, _in_country, _sessions
from kg.extract.events.news import _also_in_city, _arrivals, _openers, _present_for_meeting, _statements_during, _there_at_meeting
from kg.extract.events.operation_mentions import _operations
from kg.extract.events.participation import _participation
from kg.extract.events.speakers import _bilateral_council_partners, _briefers, _format_session_partners, _sent_persons, _joined_the_sitting, _signatory_acts_there, _signatory_states_there, _sitting_guests, _speakers


def run(ctx: Context) -> None:
    """Dates, places, sessions, participants and the meeting the document concerns."""
    ev = ctx.doc.user_data.get("kg_events")
    if ev:
        _dates_and_places(ctx, ev)
        _concerns(ctx, ev)
        _sessions(ctx, ev)
        if ev.get("main") or ev.get("meetings"):
            _participation(ctx, ev)
            _statements_during(ctx)
            _openers(ctx, ev)
            _present_for_meeting(ctx, ev)
            _also_in_city(ctx, ev)
            _meeting_acts(ctx, ev)
            _arrivals(ctx, ev)
            _there_at_meeting(ctx, ev)
            _speakers(ctx, ev)
            _format_session_partners(ctx, ev)
            _bilateral_council_partners(ctx, ev)
            _signatory_acts_there(ctx, ev)
            _signatory_states_there(ctx, ev)
            _briefers(ctx, ev)
            _sent_persons(ctx, ev)
            _sitting_guests(ctx, ev)
            _joined_the_sitting(ctx, ev)
    _operations(ctx)
    _in_country(ctx)
