"""The ideas board: propose, vote once, comment, the organiser's answer, moderation,
search and filters, and the open-data export without personal data."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community import ideas
from community.models import Idea
from community.tests.factories import IdeaFactory


@pytest.fixture
def citizen(visitor, edition):
    """A visitor who opened the form to propose an idea."""
    return visitor(reverse("community:propose"))


def form(edition, **changes):
    data = {
        "title": "Des fontaines à Sidi Moumen",
        "description": "De l’eau potable gratuite.",
        "pivot": edition.pivots.get(slug="low-tech").pk,
        "arrondissement": "sidi-moumen",
        "author_name": "Youssef",
    }
    return {**data, **changes}


@pytest.mark.usefixtures("in_english")
def test_a_citizen_proposes_an_idea_with_a_photo(citizen, edition, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Image.new("RGB", (2400, 1600), (20, 120, 200)).save(picture, "JPEG")
    photo = SimpleUploadedFile("fontaine.jpg", picture.getvalue(), content_type="image/jpeg")
    response = citizen.post(reverse("community:propose"), form(edition, photo=photo), follow=True)
    idea = Idea.objects.get()
    assert "your idea is online" in response.content.decode()
    assert idea.arrondissement == "sidi-moumen" and idea.author_name == "Youssef"
    assert idea.photo.name.endswith(".webp") and Image.open(idea.photo).size == (1200, 800)


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"description": "x" * 3001},
        {"arrondissement": "paris"},
        {"pivot": "999999"},
        {"author_name": "<b>moi</b>"},
        {"title": "a\x00b"},
    ],
)
def test_bad_ideas_are_refused_and_nothing_is_stored(citizen, edition, changes):
    response = citizen.post(reverse("community:propose"), form(edition, **changes))
    assert response.status_code == 400
    assert not Idea.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_a_file_that_is_not_an_image_is_refused(citizen, edition):
    fake = SimpleUploadedFile("x.png", b"GIF89a<script>", content_type="image/png")
    response = citizen.post(reverse("community:propose"), form(edition, photo=fake))
    assert response.status_code == 400 and "PNG, JPEG or WebP" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_votes_once_per_person_and_comments_count(client, visitor, edition):
    idea = IdeaFactory(edition=edition)
    page = reverse("community:idea", args=[idea.pk])
    vote_url = reverse("community:support", args=[idea.pk])
    client.get(page)
    assert client.post(vote_url).status_code == 303
    again = client.post(vote_url, HTTP_ACCEPT="application/json")
    assert again.status_code == 409
    visitor(page).post(vote_url)
    client.post(reverse("community:comment", args=[idea.pk]), {"text": "Bonne idée <3"})
    idea.refresh_from_db()
    assert (idea.votes, idea.comment_count) == (2, 1)
    page = client.get(reverse("community:idea", args=[idea.pk])).content.decode()
    assert "Bonne idée &lt;3" in page and "You voted for this idea." in page


@pytest.mark.usefixtures("in_english")
def test_staff_answer_in_public_and_hide_what_breaks_the_rules(client, cast, edition):
    idea = IdeaFactory(edition=edition)
    spam = IdeaFactory(edition=edition, title="Achetez des montres")
    client.force_login(cast["moderator"])
    client.post(
        reverse("community:decide", args=[idea.pk]),
        {"decision": "adopted", "answer": "La commune l’inscrit au budget 2023."},
    )
    client.post(reverse("community:moderate_idea", args=[spam.pk]), {"hidden": "1"})
    public = type(client)()
    page = public.get(reverse("community:idea", args=[idea.pk])).content.decode()
    assert "adopted" in page and "budget 2023" in page
    assert public.get(reverse("community:idea", args=[spam.pk])).status_code == 404
    listed = public.get(reverse("community:ideas")).content.decode()
    assert "Achetez des montres" not in listed
    assert (
        public.post(
            reverse("community:decide", args=[idea.pk]), {"decision": "proposed"}
        ).status_code
        == 302
    )  # to the login page


@pytest.mark.usefixtures("in_english")
def test_search_and_filters_combine(client, edition):
    governance, low_tech = (edition.pivots.get(slug=slug) for slug in ("governance", "low-tech"))
    IdeaFactory(
        edition=edition, title="Budget participatif", arrondissement="anfa", pivot=governance
    )
    IdeaFactory(
        edition=edition, title="Fontaines publiques", arrondissement="sidi-moumen", pivot=low_tech
    )
    adopted = IdeaFactory(
        edition=edition, title="Jardins partagés", arrondissement="anfa", pivot=low_tech
    )
    ideas.decide(adopted, decision="adopted", answer="")

    def titles(**query):
        page = client.get(reverse("community:ideas"), query).content.decode()
        return sorted(
            t
            for t in ("Budget participatif", "Fontaines publiques", "Jardins partagés")
            if t in page
        )

    assert titles(q="fontaine") == ["Fontaines publiques"]
    assert titles(arrondissement="anfa") == ["Budget participatif", "Jardins partagés"]
    assert titles(arrondissement="anfa", pivot="low-tech") == ["Jardins partagés"]
    assert titles(decision="adopted") == ["Jardins partagés"]
    assert titles(arrondissement="<script>", decision="nope", page="x") == [
        "Budget participatif",
        "Fontaines publiques",
        "Jardins partagés",
    ]


def test_the_open_data_export_has_no_personal_data(client, edition):
    idea = IdeaFactory(edition=edition, author_name="Youssef Alaoui", title="Arbres, «ombre»")
    IdeaFactory(edition=edition, title="Cachée", is_hidden=True)
    ideas.support(idea, voter="d:someone")
    ideas.comment(idea, text="Oui !", author_name="Salma", voter="d:other")
    exported = json.loads(client.get(reverse("community:ideas_json")).content)
    assert exported["licence"] == "CC BY 4.0"
    assert [i["title"] for i in exported["ideas"]] == ["Arbres, «ombre»"]
    assert exported["ideas"][0]["votes"] == 1 and exported["votes"][0]["votes"] == 1
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(reverse("community:ideas_csv", args=["ideas"])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0]["title"] == "Arbres, «ombre»"
    everything = (
        json.dumps(exported)
        + str(rows)
        + client.get(reverse("community:ideas_csv", args=["votes"])).content.decode()
    )
    for personal in ("Youssef", "Salma", "d:someone", "d:other", "Cachée"):
        assert personal not in everything
    licence = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert client.get(reverse("community:ideas_json"))["Link"] == licence
    assert client.get(reverse("community:ideas_csv", args=["votes"]))["Link"] == licence
    assert client.get("/en/ideas/other.csv").status_code == 404


@pytest.mark.usefixtures("in_english")
def test_the_moderation_queue_lists_hidden_ideas_and_comments_and_hides_from_there(
    client, cast, edition
):
    idea = IdeaFactory(edition=edition, title="Idée à modérer")
    written = ideas.comment(idea, text="Spam spam spam", author_name="", voter="d:spammer")
    client.force_login(cast["moderator"])
    queue = reverse("community:ideas_moderation")
    assert "Spam spam spam" in client.get(queue).content.decode()
    back = client.post(
        reverse("community:moderate_comment", args=[written.pk]), {"hidden": "1", "from": "queue"}
    )
    assert back["Location"] == queue
    idea.refresh_from_db()
    assert idea.comment_count == 0
    public = type(client)().get(reverse("community:idea", args=[idea.pk])).content.decode()
    assert "Spam spam spam" not in public
    assert type(client)().get(queue).status_code == 302


@pytest.mark.usefixtures("in_english")
def test_citizens_report_once_and_the_queue_shows_the_most_reported_first(
    client, visitor, cast, edition
):
    quiet = IdeaFactory(edition=edition, title="Idée tranquille")
    spam = IdeaFactory(edition=edition, title="Achetez des montres")
    quiet.created_at, spam.created_at = spam.created_at, quiet.created_at  # spam is older
    Idea.objects.bulk_update([quiet, spam], ["created_at"])
    written = ideas.comment(quiet, text="Lien douteux", author_name="", voter="d:x")
    report = reverse("community:report", args=[spam.pk])
    client.get(reverse("community:idea", args=[spam.pk]))
    for reporter in (client, visitor(reverse("community:idea", args=[spam.pk]))):
        assert reporter.post(report, HTTP_ACCEPT="application/json").json()["ok"] is True
    again = client.post(report, HTTP_ACCEPT="application/json")
    assert again.status_code == 409 and "reported it already" in again.json()["message"]
    client.post(reverse("community:report", args=[quiet.pk]), {"comment": str(written.pk)})
    moderator = type(client)()
    moderator.force_login(cast["moderator"])
    queue = moderator.get(reverse("community:ideas_moderation")).content.decode()
    assert queue.index("Achetez des montres") < queue.index("Idée tranquille")
    assert "reported 2 times" in queue and "reported once" in queue
    bogus = client.post(reverse("community:report", args=[quiet.pk]), {"comment": "<b>1</b>"})
    assert bogus.status_code == 404
    ideas.set_hidden(spam, True)
    hidden = type(client)().post(report, HTTP_ACCEPT="application/json")
    assert hidden.status_code == 404
