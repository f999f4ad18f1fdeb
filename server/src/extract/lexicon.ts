/** Word lists the attribution rules read. Folded (lower case, no diacritics). */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

// The reporting cues live in cueVerbs.ts, inflected from their base forms.
export { SPEECH_VERBS, CUE_PARTICIPLES as CONTINUING_VERBS } from './cueVerbs';

/** Present-tense reporting verbs: the draft presents the words as the speaker's current view. */
export const PRESENT_TENSE_VERBS = set(`
  says insists argues maintains warns claims contends believes thinks holds stresses tells writes
  notes adds states explains declares suggests asserts affirms vows promises predicts emphasizes
  emphasises continues reiterates
`);

export const PRONOUNS = set('he she they him her his hers their them');
export const FIRST_PERSON = set('i we me us my our');

/** Nouns that make an unnamed speaker ("a NATO official", "the person"). */
export const ANONYMOUS_NOUNS = set(`
  official officials person source sources spokesman spokeswoman spokesperson aide aides diplomat diplomats
  reporter reporters analyst analysts expert experts witness resident residents lawmaker lawmakers officer
  insider employee staffer negotiator participant interviewer moderator questioner announcer narrator
  voter voters supporter supporters protester protesters critic critics observer observers member members
  attendee attendees worker workers student students parent parents teacher teachers neighbor neighbors
`);

/** Words of titles and roles; kept as the person's roles, skipped for the name. */
export const TITLE_WORDS = set(`
  president vice prime minister secretary defense defence foreign state national security adviser advisor
  ambassador senator sen rep representative gov governor mayor chancellor general gen admiral adm chief
  deputy spokesman spokeswoman spokesperson director chairman chairwoman chair ceo editor correspondent
  host former then acting interim senior top commander leader head envoy official officer aide lawmaker
  congressman congresswoman speaker justice judge attorney king queen prince princess pope sheikh dr mr mrs ms
  prof sir lord dame lt col capt sgt cmdr treasury finance interior health education homeland energy
  commerce labor justice army navy air force marine general's press white house majority minority whip
  founder cofounder executive manager analyst columnist economist professor researcher ceo cfo coo chair
  council cabinet ministry department party opposition foreign-policy policy staff of
  assistant associate undersecretary under commissioner premier president-elect secretary-general
  councillor councilor councilman councilwoman alderman alderwoman treasurer master harbor harbour superintendent sheriff
  coach captain engineer economist doctor nurse spokesman nominee candidate rival retired
  rev reverend fr father msgr monsignor rabbi imam bishop cardinal pastor maj major cpl pvt supt det detective hon atty
  republican republicans democrat democrats democratic gop libertarian independent conservative liberal progressive
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming
`);

/** Role nouns: the head of a role phrase ("defense minister", "security adviser"). */
export const ROLE_NOUNS = set(`
  president minister secretary adviser advisor ambassador senator governor mayor chancellor general admiral
  chief spokesman spokeswoman spokesperson director chairman chairwoman chair editor correspondent host
  leader head envoy official officer aide lawmaker congressman congresswoman speaker justice judge attorney
  commander founder executive manager analyst columnist economist professor researcher ceo premier
  commissioner undersecretary councillor councilor councilman councilwoman alderman alderwoman treasurer master superintendent sheriff
  nominee candidate businessman businesswoman strategist pollster surrogate manager chairwoman governor-elect congressman-elect
`);

/** Nationality adjectives and the countries their possessives name ("Germany’s" ~ "German"). */
export const NATIONALITIES: Record<string, string> = {
  american: 'us', 'u.s': 'us', us: 'us', america: 'us', british: 'uk', uk: 'uk', britain: 'uk',
  german: 'germany', germany: 'germany', french: 'france', france: 'france', estonian: 'estonia', estonia: 'estonia',
  ukrainian: 'ukraine', ukraine: 'ukraine', russian: 'russia', russia: 'russia', polish: 'poland', poland: 'poland',
  chinese: 'china', china: 'china', italian: 'italy', italy: 'italy', spanish: 'spain', spain: 'spain',
  dutch: 'netherlands', netherlands: 'netherlands', canadian: 'canada', canada: 'canada', japanese: 'japan', japan: 'japan',
  indian: 'india', india: 'india', israeli: 'israel', israel: 'israel', turkish: 'turkey', turkey: 'turkey',
  latvian: 'latvia', latvia: 'latvia', lithuanian: 'lithuania', lithuania: 'lithuania', finnish: 'finland', finland: 'finland',
  swedish: 'sweden', sweden: 'sweden', norwegian: 'norway', norway: 'norway', danish: 'denmark', denmark: 'denmark',
  belgian: 'belgium', belgium: 'belgium', european: 'europe', europe: 'europe', nato: 'nato', eu: 'eu',
  mexican: 'mexico', mexico: 'mexico', brazilian: 'brazil', brazil: 'brazil', australian: 'australia', australia: 'australia',
  korean: 'korea', iranian: 'iran', iran: 'iran', hungarian: 'hungary', hungary: 'hungary', czech: 'czechia',
  romanian: 'romania', romania: 'romania', greek: 'greece', greece: 'greece', irish: 'ireland', ireland: 'ireland',
};

/** Capitalised words that never begin or form a person's name. */
export const NOT_NAME_WORDS = set(`
  the a an and but or nor so yet for if then than when while after before during since until as at in on
  of to from by with without about above below over under into onto out up down off again still instead
  meanwhile however moreover also even just only not no yes now here there this that these those it its
  he she they we you i his her their our your my me us them him who whom whose which what why how where
  some many most much more less few several all any each every both either neither one two three four
  five six seven eight nine ten first second third last next new old well speaking according per
  monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
  follow read watch listen share subscribe photo image video update updated editor's note
  god lord war world although though because whereas unless whether despite among between including like
  unlike nonetheless nevertheless indeed perhaps maybe sure yeah oh well thank thanks please dear
  later earlier afterward afterwards finally eventually initially ultimately separately similarly likewise
  recently previously soon once overall otherwise besides
`);

/** Labels of an editor's paragraph ("CLARIFICATION: …", "UPDATE: …"): the paragraph after them is no speaker's words. */
export const EDITORIAL_LABELS = set(`
  clarification clarifications correction corrections update updated editor's editors editor note disclosure
  related advertisement watch read more see also photo photos video credit caption source sources
`);

/** Nouns for a person beyond roles and unnamed sources: "a man named …" names a person, "a stream called …" a place. */
export const PERSON_NOUNS = set(`
  man men woman women boy boys girl girls guy guys lady gentleman child children kid kids son sons daughter
  daughters baby friend friends brother sister wife husband mother father cousin uncle aunt grandson
  granddaughter grandmother grandfather veteran soldier player teenager teen youth immigrant refugee
  doctor nurse lawyer priest pastor activist candidate politician billionaire businessman businesswoman
  character man's woman's actor actress singer rapper author writer artist someone somebody individual
  couple family boyfriend girlfriend partner nephew niece detainee inmate suspect victim patient pilot
  colleague classmate roommate neighbour
`);

/** Words that make a capitalised run an organisation, place or thing rather than a person. */
export const ORG_WORDS = set(`
  group house office news council department ministry administration union party post times agency
  committee forces army navy force corps street war summit republic hague alliance nations states kingdom
  university college school institute foundation bank fund company corporation inc corp ltd llc network
  channel press journal magazine tribune herald daily gazette review radio television tv media center
  centre organization organisation association federation league club team court parliament congress senate
  assembly commission bureau service services guard police headquarters airport station square avenue road
  city county province region island islands sea ocean river mountain mountains valley east west north south
  pentagon kremlin capitol treaty accord act bill plan program programme initiative project fox cbs cnn nbc abc
  bbc reuters ap afp economist new york washington los angeles united europe european nato eu un
  pic twitter x facebook instagram tiktok youtube telegram truth social
  ala ariz ark calif colo conn fla ga ill ind kan ky md mass mich minn mont neb nev okla ore pa tenn tex vt va wis wyo
  d.c n.y n.j n.h n.c n.d n.m s.c s.d r.i w.va arabia lanka qaeda vegas springs bay fort port atoll strip sachs
  caucus caucuses coalition chapel cathedral clinic society trust ventures systems technologies industries enterprises pharmaceuticals casino hotel resort academy
  airlines motors partners capital holdings group inc park lake beach bridge hospital church museum zoo mall library stadium arena campus memorial
  observer images inn lodge palace championship brewing brewery satellite marriott hilton
  resources partnership grants emmy emmys awards box roads energy petroleum oil gas electric pharmaceuticals
  technologies systems solutions industries enterprises ventures associates muslim muslims christian christians
`);

export const DAY_OR_MONTH = set(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Words that may sit between a subject and its verb ("Hegseth also said", "he later told"). */
export const ADVERBS = set(`
  also then later again just once previously repeatedly recently still further flat out flatly
  has had have was is were would will could did does do quickly bluntly simply earlier firmly
  publicly privately separately on in at this last week yesterday today tonight morning afternoon evening
  monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * Heads of noun phrases that name a source that is not a person: organisations, documents,
 * publications, broadcasts ("the report said", "the commission says", "a statement from …").
 */
export const SOURCE_NOUNS = set(`
  report reports study studies poll polls survey surveys statement statements ad ads advertisement clip piece
  commission campaign committee letter memo memorandum website site complaint lawsuit suit filing book article
  editorial newspaper paper magazine network agency department group organization organisation spot video
  release transcript document documents analysis bill law sign banner headline court ruling decision order
  indictment audit review investigation inquiry panel board council administration government ministry party
  union company firm bank foundation institute center centre university coalition alliance caucus team office
  embassy military police tweet post email message note motion resolution platform proposal memoir ballot
  measure petition association federation station channel outlet program programme show broadcast blog
  newsletter website account page feed research data figures estimate estimates projection forecast model
  guidelines guidance policy plan rule rules regulation regulations constitution treaty agreement deal
  legislation amendment act charter manifesto pamphlet flyer mailer commercial
`);
