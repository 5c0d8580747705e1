-- Records anonymised before retention removed everything about the person kept what follows here; it
-- goes now as it goes for every record anonymised from now on (Retention): the subjects of their
-- agreements (a unit, a body, filled into the agreements' titles and texts), and their events already
-- published, which the outbox keeps for replay and which carry their name and address.
update agreement a
set title_nl = replace(a.title_nl, a.subject, '[...]'), title_en = replace(a.title_en, a.subject, '[...]'),
    text_nl = replace(a.text_nl, a.subject, '[...]'), text_en = replace(a.text_en, a.subject, '[...]'),
    subject = null, version = a.version + 1
from alumnus al
where al.id = a.alumnus_id and al.status = 'ANONYMISED' and a.subject is not null;

delete from outbox_message o
using alumnus al
where al.status = 'ANONYMISED' and o.published_at is not null
  and (o.aggregate_id = al.id::text or o.subject = 'alumni/' || al.id or o.subject like 'alumni/' || al.id || '/%');
