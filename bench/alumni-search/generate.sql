-- Generates :n alumni (default run.sh: 1,000,000) in the current alumni database, 80% POLITIE,
-- 20% KMAR, with Dutch-looking names (a third carry one of 60 common surnames, about 0.55% each as
-- the most common Dutch surnames do; the rest one of 1,200 composed ones; first and last names
-- drawn independently), a last function from the seeded catalogue, departures
-- spread over six years and the obligation window those functions give. Run it on a database
-- migrated by alumni-service (run.sh does both).
\set ON_ERROR_STOP on
create temporary table first_names (i int, name text);
insert into first_names select row_number() over () - 1, n from unnest(array[
  'Anna','Bram','Cor','Daan','Eva','Femke','Gijs','Hanna','Iris','Jan','Karin','Lars','Maaike','Niels','Olga','Pieter',
  'Quinten','Roos','Sanne','Tom','Ursula','Vincent','Wouter','Xander','Yara','Zoë','Ahmed','Fatima','Mohamed','Noor',
  'Sem','Lotte','Ruben','Julia','Milan','Sophie','Thijs','Lieke','Koen','Ilse']) n;
create temporary table last_names (i int, name text);
insert into last_names select row_number() over () - 1, n from unnest(array[
  'de Jong','Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser','Smit','Meijer','de Boer','Mulder',
  'de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra','Smits','de Graaf',
  'van der Meer','van der Linden','Kok','Jacobs','de Haan','Vermeulen','van den Heuvel','van der Veen','van den Broek',
  'de Bruijn','de Bruin','van der Heijden','Schouten','van Beek','Willems','van Vliet','van de Ven','Hoekstra','Maas',
  'Verhoeven','Koster','van Dam','van der Wal','Prins','Blom','Huisman','Peeters','de Lange','Kuipers','van Wijk',
  'Yilmaz','El Amrani','Kaya','Bouzid','Nguyen','Tan']) n;
create temporary table stems (i int, s text);
insert into stems select row_number() over () - 1, n from unnest(array[
  'Berg','Hoek','Kui','Wes','Ooster','Noord','Zuid','Brink','Veld','Dijk','Haar','Molen','Steen','Wijn','Rijn','Maas',
  'Kamp','Hout','Vlie','Gooi','Bloem','Beek','Hof','Lin','Bos','Meer','Dam','Zand','Heu','Wou','Ek','Ros','Wil','Ter',
  'Horst','Velt','Kerk','Brug','Laar','Sloot']) n;
create temporary table endings (i int, e text);
insert into endings select row_number() over () - 1, n from unnest(array[
  'stra','man','sen','ink','ers','huis','kamp','veld','ma','ing','hout','inga','ens','hof','wijk','er','el','ert','ie',
  'boom','berg','broek','dijk','laan','rooij','mans','gaard','tjes','sma','kes']) n;
create temporary table functions (i int, organisation text, code text, grp text, risk text, months int);
insert into functions select row_number() over (partition by p.organisation order by p.code) - 1, p.organisation, p.code,
       v.function_group, v.risk_level, v.cooling_off_months
  from function_profile p join function_profile_version v on v.profile_id = p.id and v.number = p.current_version;

insert into alumnus (id, organisation, personnel_number, full_name, email, last_function, unit, departure_date,
                     departure_reason, status, registered_at, version, last_function_group,
                     window_start, window_end, window_months, window_function_code, window_risk_level)
select gen_random_uuid(), g.org, 'B' || lpad(g.i::text, 8, '0'),
       f.name || ' ' || case when g.h % 3 = 0 then l.name else st.s || en.e end, null, fn.code, 'Eenheid ' || (g.i % 40),
       g.departure, (array['VOLUNTARY','RETIREMENT','REORGANISATION','END_OF_CONTRACT','DISCIPLINARY_DISMISSAL','OTHER_DISMISSAL'])[1 + g.i % 6],
       case when g.departure > current_date then 'LEAVING' else 'DEPARTED' end, now(), 0, fn.grp,
       case when fn.months > 0 then g.departure end,
       case when fn.months > 0 then (g.departure + make_interval(months => fn.months))::date end,
       case when fn.months > 0 then fn.months end,
       case when fn.months > 0 then fn.code end,
       case when fn.months > 0 then fn.risk end
  from (select i, case when i % 5 = 0 then 'KMAR' else 'POLITIE' end as org,
               (current_date - (i::bigint * 7919 % 2190)::int + 90)::date as departure
               , abs(hashint4(i)::bigint) as h
          from generate_series(1, :n) i) g
  join first_names f on f.i = abs(hashint4(g.i + 7)::bigint) % 40
  join last_names l on l.i = (g.h / 3) % 60
  join stems st on st.i = (g.h / 7) % 40
  join endings en on en.i = (g.h / 311) % 30
  join functions fn on fn.organisation = g.org
                   and fn.i = (g.i * 13) % (select count(*) from functions x where x.organisation = g.org);
analyze alumnus;
